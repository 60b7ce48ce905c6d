package com.sparkgan.train;

import com.sparkgan.data.ExampleBlock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws minibatches of real examples from one shard: each round walks a fresh permutation of
 * the shard, so that every example is seen before any is repeated.
 */
final class RealBatchSampler {
    private final List<ExampleBlock> blocks = new ArrayList<>();
    private final int[] blockOf;
    private final int[] rowOf;
    private final int width;
    private final SplittableRandom random;
    private int[] order;
    private int next;

    RealBatchSampler(Iterator<ExampleBlock> shard, SplittableRandom random) {
        shard.forEachRemaining(blocks::add);
        int rows = blocks.stream().mapToInt(ExampleBlock::rows).sum();
        blockOf = new int[rows];
        rowOf = new int[rows];
        int i = 0;
        for (int b = 0; b < blocks.size(); b++) {
            for (int r = 0; r < blocks.get(b).rows(); r++) {
                blockOf[i] = b;
                rowOf[i++] = r;
            }
        }
        width = blocks.isEmpty() ? 0 : blocks.get(0).width();
        this.random = random;
        reshuffle();
    }

    int size() {
        return blockOf.length;
    }

    int width() {
        return width;
    }

    /**
     * The next {@code count} examples.
     *
     * @param features row-major [count, width] values
     * @param labels the examples' class labels, or null when the shard has none
     */
    record Batch(float[] features, int[] labels) {
    }

    Batch next(int count) {
        float[] out = new float[count * width];
        boolean labelled = !blocks.isEmpty() && blocks.get(0).hasLabels();
        int[] labels = labelled ? new int[count] : null;
        for (int i = 0; i < count; i++) {
            if (next == order.length) {
                reshuffle();
            }
            int example = order[next++];
            ExampleBlock block = blocks.get(blockOf[example]);
            block.copyRow(rowOf[example], out, i * width);
            if (labelled) {
                labels[i] = block.label(rowOf[example]);
            }
        }
        return new Batch(out, labels);
    }

    private void reshuffle() {
        order = Shuffle.permutation(blockOf.length, random);
        next = 0;
    }
}
