package com.sparkgan.evaluate;

import com.sparkgan.config.ConfigException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A condition on one metric, such as {@code fid > 40}, that fails the job when it holds.
 *
 * @param metric the metric's name in {@code metrics.json}
 * @param operator one of {@code <, <=, >, >=}
 * @param bound the number compared with
 */
public record QualityGate(String metric, String operator, double bound) {
    private static final Pattern FORM = Pattern.compile(
            "\\s*([a-z_]+)\\s*(<=|>=|<|>)\\s*(-?[0-9]+(?:\\.[0-9]+)?(?:[eE]-?[0-9]+)?)\\s*");

    public static QualityGate parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new ConfigException("The quality gate '" + text + "' is not of the form "
                    + "'metric > number' (operators <, <=, >, >=), for example 'fid > 40'.");
        }
        return new QualityGate(m.group(1), m.group(2), Double.parseDouble(m.group(3)));
    }

    /** Fails up front for a metric the evaluation does not produce. */
    public void requireKnown(java.util.Collection<String> metrics) {
        if (!metrics.contains(metric)) {
            throw new ConfigException("The quality gate '" + this + "' names the unknown metric "
                    + "'" + metric + "'; known metrics: " + String.join(", ", metrics) + ".");
        }
    }

    /** Whether the gate fails for these metrics; a metric that is absent never fails. */
    public boolean fails(Map<String, Object> metrics) {
        Object value = metrics.get(metric);
        if (!(value instanceof Number number)) {
            return false;
        }
        double v = number.doubleValue();
        return switch (operator) {
            case "<" -> v < bound;
            case "<=" -> v <= bound;
            case ">" -> v > bound;
            default -> v >= bound;
        };
    }

    /** The line that names a failing gate, its value and its bound. */
    public String failure(Map<String, Object> metrics) {
        Number value = (Number) metrics.get(metric);
        // Counts (coverage, modes covered) read as counts; measures with 4 digits.
        String shown = value instanceof Integer || value instanceof Long ? value.toString()
                : String.format(Locale.ROOT, "%.4g", value.doubleValue());
        return String.format(Locale.ROOT, "Quality gate failed: %s = %s %s %s", metric, shown,
                operator, java.math.BigDecimal.valueOf(bound).stripTrailingZeros()
                        .toPlainString());
    }

    @Override
    public String toString() {
        return metric + " " + operator + " " + bound;
    }

    /** The numeric metrics an image evaluation writes, for gate validation. */
    public static final java.util.List<String> IMAGE_METRICS = java.util.List.of("fid",
            "fid_floor", "coverage", "coverage_floor", "class_kl", "class_kl_floor",
            "real_accuracy", "precision", "recall", "precision_floor", "recall_floor",
            "memorisation", "tstr_accuracy", "trtr_accuracy", "label_accuracy");
    /** Every metric an evaluation can compute: of images, and of the ring8 benchmark. */
    public static final java.util.List<String> ALL_METRICS = java.util.stream.Stream.concat(
            IMAGE_METRICS.stream(), RingModes.METRICS.stream()).toList();
}
