package com.sparkgan.config;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One configuration key, declared once: its dotted name, meaning, default, type and the rule
 * its values must follow. {@link ConfigKeys} lists every key the product knows.
 *
 * @param <T> the value type
 */
public final class ConfigKey<T> {
    private final String name;
    private final String description;
    private final T defaultValue;
    private final ValueType<T> type;
    private final Rule<T> rule;

    private ConfigKey(String name, String description, T defaultValue, ValueType<T> type,
                      Rule<T> rule) {
        this.name = Objects.requireNonNull(name, "name is null");
        this.description = Objects.requireNonNull(description, "description is null");
        this.defaultValue = Objects.requireNonNull(defaultValue, "defaultValue is null");
        this.type = type;
        this.rule = rule;
        String problem = rule.check(defaultValue);
        if (problem != null) {
            throw new IllegalStateException("default of " + name + " breaks its own rule: "
                    + problem);
        }
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public T defaultValue() {
        return defaultValue;
    }

    public ValueType<T> type() {
        return type;
    }

    /** Converts a raw HOCON value to the key's type and checks its rule. */
    public T parse(Object raw) {
        T value;
        try {
            value = type.convert(raw);
        } catch (ArithmeticException e) {
            throw new ConfigException(name + " = " + raw + " is out of range (" + description
                    + ").");
        } catch (RuntimeException e) {
            throw new ConfigException(name + " = " + raw + " is not " + type.description()
                    + " (" + description + ").");
        }
        String problem = rule.check(value);
        if (problem != null) {
            throw new ConfigException(name + " = " + raw + " is invalid: " + problem + ".");
        }
        return value;
    }

    /** A rule on a converted value: returns null when the value is fine, else the reason. */
    @FunctionalInterface
    public interface Rule<T> {
        String check(T value);

        static <T> Rule<T> any() {
            return value -> null;
        }
    }

    /** A value type: how raw HOCON values convert, and how to describe it in errors. */
    public record ValueType<T>(String description, Function<Object, T> converter) {
        public T convert(Object raw) {
            return converter.apply(raw);
        }
    }

    public static ConfigKey<Integer> integer(String name, int defaultValue, int min, int max,
                                             String description) {
        return new ConfigKey<>(name, description, defaultValue, Types.INTEGER,
                value -> value < min || value > max
                        ? "it must be between " + min + " and " + max : null);
    }

    public static ConfigKey<Long> longValue(String name, long defaultValue, Rule<Long> rule,
                                            String description) {
        return new ConfigKey<>(name, description, defaultValue, Types.LONG, rule);
    }

    public static ConfigKey<Double> decimal(String name, double defaultValue, double min,
                                            double max, String description) {
        return new ConfigKey<>(name, description, defaultValue, Types.DECIMAL,
                value -> !(value >= min && value <= max)
                        ? "it must be between " + min + " and " + max : null);
    }

    public static ConfigKey<Boolean> bool(String name, boolean defaultValue,
                                          String description) {
        return new ConfigKey<>(name, description, defaultValue, Types.BOOLEAN, Rule.any());
    }

    public static ConfigKey<String> text(String name, String defaultValue, String description) {
        return new ConfigKey<>(name, description, defaultValue, Types.TEXT, Rule.any());
    }

    public static ConfigKey<String> choice(String name, String defaultValue,
                                           List<String> choices, String description) {
        return new ConfigKey<>(name, description, defaultValue, Types.TEXT,
                value -> choices.contains(value)
                        ? null : "it must be one of " + String.join(", ", choices));
    }

    public static ConfigKey<List<String>> texts(String name, List<String> defaultValue,
                                                String description) {
        return new ConfigKey<>(name, description, List.copyOf(defaultValue), Types.TEXTS,
                Rule.any());
    }

    public static ConfigKey<List<Integer>> integers(String name, List<Integer> defaultValue,
                                                    int min, int max, String description) {
        return new ConfigKey<>(name, description, List.copyOf(defaultValue), Types.INTEGERS,
                values -> values.isEmpty() || values.stream().anyMatch(v -> v < min || v > max)
                        ? "it must be a non-empty list of integers between " + min + " and "
                        + max : null);
    }

    public static ConfigKey<List<Double>> decimals(String name, List<Double> defaultValue,
                                                   String description) {
        return new ConfigKey<>(name, description, List.copyOf(defaultValue), Types.DECIMALS,
                values -> values.stream().anyMatch(v -> !(v >= 0) || Double.isInfinite(v))
                        ? "every value must be a finite number of at least 0" : null);
    }
}
