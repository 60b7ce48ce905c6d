package com.sparkgan.train;

/**
 * The spread of a batch of examples: the mean Euclidean distance between two of its rows.
 * A generator that has collapsed makes batches of near copies, whose spread falls far below
 * that of a real batch.
 */
public final class Diversity {
    private Diversity() {
    }

    public static double meanPairwiseDistance(float[][] rows) {
        if (rows.length < 2) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < rows.length; i++) {
            for (int j = i + 1; j < rows.length; j++) {
                double squared = 0;
                for (int c = 0; c < rows[i].length; c++) {
                    double d = rows[i][c] - rows[j][c];
                    squared += d * d;
                }
                sum += Math.sqrt(squared);
            }
        }
        return sum / ((double) rows.length * (rows.length - 1) / 2);
    }
}
