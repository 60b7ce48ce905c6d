package com.sparkgan.data;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Maps each raw column linearly from [min, max] to [-1, 1], the range of the generator's tanh
 * output, and back. Images share one range for all pixels so that contrast is preserved;
 * tables get one range per column.
 */
public final class Scaling implements Serializable {
    private static final long serialVersionUID = 1L;

    private final double[] min;
    private final double[] max;

    public Scaling(double[] min, double[] max) {
        if (min.length != max.length) {
            throw new IllegalArgumentException("min and max differ in length");
        }
        this.min = min.clone();
        this.max = max.clone();
    }

    /** One shared range for {@code width} columns. */
    public static Scaling uniform(int width, double min, double max) {
        double[] lo = new double[width];
        double[] hi = new double[width];
        Arrays.fill(lo, min);
        Arrays.fill(hi, max);
        return new Scaling(lo, hi);
    }

    public int width() {
        return min.length;
    }

    public double min(int column) {
        return min[column];
    }

    public double max(int column) {
        return max[column];
    }

    public float toUnit(int column, double raw) {
        double range = max[column] - min[column];
        if (range <= 0) {
            return 0f;
        }
        return (float) (2.0 * (raw - min[column]) / range - 1.0);
    }

    public double fromUnit(int column, double unit) {
        double clipped = Math.max(-1.0, Math.min(1.0, unit));
        return min[column] + (clipped + 1.0) / 2.0 * (max[column] - min[column]);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Scaling s && Arrays.equals(min, s.min) && Arrays.equals(max, s.max);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(min) + Arrays.hashCode(max);
    }
}
