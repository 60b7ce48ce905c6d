package com.sparkgan.evaluate;

import com.sparkgan.data.DataFormatException;
import com.sparkgan.data.RingOfGaussians;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The {@code ring8} benchmark's scores of synthetic points: how many of the 8 modes are
 * covered (at least 1% of all samples within 3 standard deviations of the mode's centre),
 * and the share of high-quality samples (within 3 standard deviations of any centre). Points
 * are classified where they lie, on the executors; the driver receives 9 counts.
 */
public final class RingModes {
    /** The metrics this evaluation writes, which quality gates may name. */
    public static final List<String> METRICS = List.of("modes_covered", "modes",
            "high_quality");
    static final double COVERED_SHARE = 0.01;

    private RingModes() {
    }

    /** Scores the points of CSV files with columns x and y (header lines are skipped). */
    public static Map<String, Object> evaluate(JavaSparkContext spark, String csvFiles) {
        JavaRDD<String> lines = spark.textFile(csvFiles);
        Map<Integer, Long> counts = lines
                .filter(line -> !line.isBlank() && !line.startsWith("x,"))
                .map(RingModes::modeOfLine)
                .countByValue();
        return score(counts);
    }

    /** The metrics from counts of points per mode (key -1: near no mode). */
    static Map<String, Object> score(Map<Integer, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            throw new DataFormatException("The synthetic ring8 data hold no points.");
        }
        int covered = 0;
        long nearSomeMode = 0;
        for (int k = 0; k < RingOfGaussians.MODES; k++) {
            long n = counts.getOrDefault(k, 0L);
            nearSomeMode += n;
            if (n >= COVERED_SHARE * total) {
                covered++;
            }
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("modes_covered", covered);
        metrics.put("modes", RingOfGaussians.MODES);
        metrics.put("high_quality", (double) nearSomeMode / total);
        metrics.put("synthetic_examples", total);
        for (int k = 0; k < RingOfGaussians.MODES; k++) {
            metrics.put("mode_" + k + "_share", (double) counts.getOrDefault(k, 0L) / total);
        }
        return metrics;
    }

    private static int modeOfLine(String line) {
        String[] parts = line.split(",");
        return RingOfGaussians.modeOf(Double.parseDouble(parts[0].trim()),
                Double.parseDouble(parts[1].trim()));
    }
}
