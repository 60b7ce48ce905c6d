package com.sparkgan.data;

import java.io.Serializable;
import java.util.Arrays;

/** Running minimum and maximum of every column, merged across partitions. */
final class ColumnRanges implements Serializable {
    private static final long serialVersionUID = 1L;

    private final double[] min;
    private final double[] max;
    private long rows;

    ColumnRanges(int width) {
        min = new double[width];
        max = new double[width];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
    }

    ColumnRanges add(CsvRowParser.Row row) {
        double[] values = row.values();
        for (int c = 0; c < values.length; c++) {
            min[c] = Math.min(min[c], values[c]);
            max[c] = Math.max(max[c], values[c]);
        }
        rows++;
        return this;
    }

    ColumnRanges merge(ColumnRanges other) {
        for (int c = 0; c < min.length; c++) {
            min[c] = Math.min(min[c], other.min[c]);
            max[c] = Math.max(max[c], other.max[c]);
        }
        rows += other.rows;
        return this;
    }

    long rows() {
        return rows;
    }

    Scaling columnScaling() {
        return new Scaling(min, max);
    }

    /** One range over every column, for images. */
    Scaling sharedScaling() {
        double lo = Arrays.stream(min).min().orElse(0);
        double hi = Arrays.stream(max).max().orElse(1);
        return Scaling.uniform(min.length, lo, hi);
    }
}
