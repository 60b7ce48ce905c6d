package com.sparkgan.train;

import java.util.SplittableRandom;

/** Seeded permutations (Fisher-Yates), the same on every machine for the same seed. */
public final class Shuffle {
    private Shuffle() {
    }

    public static int[] permutation(int size, SplittableRandom random) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
