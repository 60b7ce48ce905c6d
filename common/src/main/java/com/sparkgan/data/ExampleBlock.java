package com.sparkgan.data;

import java.io.Serializable;

/**
 * A block of examples of one shard, stored row-major as scaled floats in [-1, 1] with an
 * optional class label per row. Blocks are what the persisted training RDD holds: plain
 * arrays serialize compactly, unlike INDArrays whose off-heap size Spark cannot see.
 */
public final class ExampleBlock implements Serializable {
    private static final long serialVersionUID = 1L;

    private final float[] features;
    private final int[] labels;
    private final int width;

    public ExampleBlock(float[] features, int[] labels, int width) {
        if (width <= 0 || features.length % width != 0) {
            throw new IllegalArgumentException("features length " + features.length
                    + " is not a multiple of width " + width);
        }
        if (labels != null && labels.length != features.length / width) {
            throw new IllegalArgumentException("labels length " + labels.length
                    + " does not match " + features.length / width + " rows");
        }
        this.features = features;
        this.labels = labels;
        this.width = width;
    }

    public int rows() {
        return features.length / width;
    }

    public int width() {
        return width;
    }

    /** Copies row {@code row} into {@code target} at {@code offset}. */
    public void copyRow(int row, float[] target, int offset) {
        System.arraycopy(features, row * width, target, offset, width);
    }

    /** The rows whose position has the given parity (0: even rows, 1: odd rows). */
    public ExampleBlock alternateRows(int parity) {
        int kept = (rows() + 1 - parity) / 2;
        float[] subset = new float[kept * width];
        int[] subsetLabels = labels == null ? null : new int[kept];
        for (int i = 0; i < kept; i++) {
            int row = 2 * i + parity;
            copyRow(row, subset, i * width);
            if (subsetLabels != null) {
                subsetLabels[i] = labels[row];
            }
        }
        return new ExampleBlock(subset, subsetLabels, width);
    }

    /** Row {@code row} as a new array. */
    public float[] row(int row) {
        float[] out = new float[width];
        copyRow(row, out, 0);
        return out;
    }

    public boolean hasLabels() {
        return labels != null;
    }

    public int label(int row) {
        return labels[row];
    }
}
