package com.sparkgan.generate;

import com.sparkgan.config.ConfigException;
import com.sparkgan.config.ConfigKeys;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * How many synthetic examples of each class a conditional generator makes, and which class
 * the example at each position of the output has: classes come in order, each as one run of
 * its count, so every generation task knows its labels from its range alone.
 */
public final class ClassPlan implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long[] counts;
    private final long[] ends;

    private ClassPlan(long[] counts) {
        this.counts = counts;
        this.ends = new long[counts.length];
        long total = 0;
        for (int c = 0; c < counts.length; c++) {
            total += counts[c];
            ends[c] = total;
        }
    }

    /** The same count for every class. */
    public static ClassPlan perClass(int classes, long each) {
        long[] counts = new long[classes];
        java.util.Arrays.fill(counts, each);
        return new ClassPlan(counts);
    }

    /**
     * {@code total} examples shared out by relative weights (equal when empty), with the
     * rounding remainder given to the classes with the largest fractional shares.
     */
    public static ClassPlan weighted(int classes, long total, List<Double> weights) {
        List<Double> shares = weights.isEmpty() ? equal(classes) : weights;
        if (shares.size() != classes) {
            throw new ConfigException(ConfigKeys.GENERATE_CLASS_WEIGHTS.name() + " has "
                    + shares.size() + " weights, but the model has " + classes + " classes; "
                    + "give one weight per class.");
        }
        // Weights are relative: scaled by the largest first, so that huge ones cannot
        // overflow the sum (1e308 twice is still half each).
        double largest = shares.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        if (largest > 0 && Double.isFinite(largest)) {
            shares = shares.stream().map(w -> w / largest).toList();
        }
        double sum = shares.stream().mapToDouble(Double::doubleValue).sum();
        if (!(sum > 0)) {
            throw new ConfigException(ConfigKeys.GENERATE_CLASS_WEIGHTS.name() + " must have "
                    + "at least one weight above 0.");
        }
        long[] counts = new long[classes];
        double[] fractions = new double[classes];
        long given = 0;
        for (int c = 0; c < classes; c++) {
            double exact = total * shares.get(c) / sum;
            counts[c] = (long) Math.floor(exact);
            fractions[c] = exact - counts[c];
            given += counts[c];
        }
        for (long left = total - given; left > 0; left--) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (fractions[c] > fractions[best]) {
                    best = c;
                }
            }
            counts[best]++;
            fractions[best] = -1;
        }
        return new ClassPlan(counts);
    }

    private static List<Double> equal(int classes) {
        List<Double> shares = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            shares.add(1.0);
        }
        return shares;
    }

    public long total() {
        return ends[ends.length - 1];
    }

    public long count(int label) {
        return counts[label];
    }

    public int classes() {
        return counts.length;
    }

    /** The class of the example at {@code position} (0-based) of the whole output. */
    public int labelAt(long position) {
        for (int c = 0; c < ends.length; c++) {
            if (position < ends[c]) {
                return c;
            }
        }
        throw new IndexOutOfBoundsException("position " + position + " of " + total());
    }

    /** Counts per class, for the manifest. */
    public List<Long> counts() {
        List<Long> out = new ArrayList<>();
        for (long count : counts) {
            out.add(count);
        }
        return out;
    }
}
