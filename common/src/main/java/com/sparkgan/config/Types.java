package com.sparkgan.config;

import com.sparkgan.config.ConfigKey.ValueType;
import java.util.ArrayList;
import java.util.List;

/** The value types of configuration keys and their conversion from raw HOCON values. */
final class Types {
    static final ValueType<Integer> INTEGER = new ValueType<>("an integer",
            raw -> Math.toIntExact(wholeNumber(raw)));
    static final ValueType<Long> LONG = new ValueType<>("an integer", Types::wholeNumber);
    static final ValueType<Double> DECIMAL = new ValueType<>("a number",
            raw -> raw instanceof Number n ? n.doubleValue() : Double.parseDouble(text(raw)));
    static final ValueType<Boolean> BOOLEAN = new ValueType<>("true or false", Types::bool);
    static final ValueType<String> TEXT = new ValueType<>("a string", Types::text);
    static final ValueType<List<String>> TEXTS = new ValueType<>("a list of strings",
            Types::textList);
    static final ValueType<List<Integer>> INTEGERS = new ValueType<>("a list of integers",
            raw -> listOf(raw, INTEGER));
    static final ValueType<List<Double>> DECIMALS = new ValueType<>("a list of numbers",
            raw -> listOf(raw, DECIMAL));

    private Types() {
    }

    private static long wholeNumber(Object raw) {
        if (raw instanceof Number n) {
            double d = n.doubleValue();
            if (d != Math.rint(d)) {
                throw new IllegalArgumentException("not whole");
            }
            return n.longValue();
        }
        String text = text(raw).trim();
        if (text.matches("-?[0-9]{19,}")) {
            throw new ArithmeticException("too many digits");
        }
        return Long.parseLong(text);
    }

    private static boolean bool(Object raw) {
        if (raw instanceof Boolean b) {
            return b;
        }
        String s = text(raw).trim();
        if (s.equals("true") || s.equals("false")) {
            return Boolean.parseBoolean(s);
        }
        throw new IllegalArgumentException("not a boolean");
    }

    private static String text(Object raw) {
        if (raw instanceof List<?> || raw instanceof java.util.Map<?, ?>) {
            throw new IllegalArgumentException("not a scalar");
        }
        return String.valueOf(raw);
    }

    private static List<String> textList(Object raw) {
        if (raw instanceof List<?> list) {
            return list.stream().map(Types::text).toList();
        }
        String s = text(raw).trim();
        return s.isEmpty() ? List.of() : List.of(s);
    }

    private static <T> List<T> listOf(Object raw, ValueType<T> item) {
        List<T> out = new ArrayList<>();
        if (raw instanceof List<?> list) {
            for (Object value : list) {
                out.add(item.convert(value));
            }
            return List.copyOf(out);
        }
        // A --set override arrives as text such as "256,512" or "[256, 512]".
        String s = text(raw).replace("[", "").replace("]", "").trim();
        for (String part : s.split(",")) {
            if (!part.isBlank()) {
                out.add(item.convert(part.trim()));
            }
        }
        return List.copyOf(out);
    }
}
