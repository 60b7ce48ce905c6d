package com.sparkgan.config;

import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fully resolved configuration: every key of {@link ConfigKeys} with a validated value.
 * Immutable and serializable, so executors can receive it in a closure.
 */
public final class JobConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Map<String, Object> values;

    JobConfig(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The configuration with every key at its default. */
    public static JobConfig defaults() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ConfigKey<?> key : ConfigKeys.ALL) {
            values.put(key.name(), key.defaultValue());
        }
        return new JobConfig(values);
    }

    @SuppressWarnings("unchecked")
    public <T> T get(ConfigKey<T> key) {
        Object value = values.get(key.name());
        if (value == null) {
            throw new IllegalArgumentException("unknown configuration key " + key.name());
        }
        return (T) value;
    }

    /** A copy with one key changed, validated by the key's rule. */
    public <T> JobConfig with(ConfigKey<T> key, Object rawValue) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(key.name(), key.parse(rawValue));
        return new JobConfig(copy);
    }

    public Map<String, Object> asMap() {
        return values;
    }

    /** HOCON text that loads back to this configuration, one commented key per line. */
    public String render() {
        StringBuilder out = new StringBuilder("# SparkGAN configuration, fully resolved\n");
        ConfigRenderOptions concise = ConfigRenderOptions.concise();
        for (ConfigKey<?> key : ConfigKeys.ALL) {
            Object value = values.get(key.name());
            out.append("# ").append(key.description()).append('\n')
                    .append(key.name()).append(" = ")
                    .append(ConfigValueFactory.fromAnyRef(value instanceof List<?> l
                            ? List.copyOf(l) : value).render(concise))
                    .append('\n');
        }
        return out.toString();
    }
}
