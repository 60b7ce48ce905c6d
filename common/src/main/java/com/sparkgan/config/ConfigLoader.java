package com.sparkgan.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException.Parse;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds a {@link JobConfig} from HOCON text and {@code key=value} overrides, strictly: an
 * unknown key is an error naming the nearest known key, and every value is checked by the
 * rule of its key before any work starts.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    /**
     * @param hocon the configuration file's text (may be empty)
     * @param origin where the text came from, for error messages
     * @param overrides {@code key=value} strings, applied after the file
     */
    public static JobConfig load(String hocon, String origin, List<String> overrides) {
        Config file = parse(hocon, origin);
        Map<String, Object> values = new LinkedHashMap<>(JobConfig.defaults().asMap());
        for (Map.Entry<String, ConfigValue> entry : file.entrySet()) {
            set(values, entry.getKey(), entry.getValue().unwrapped(), origin);
        }
        for (String override : overrides) {
            int equals = override.indexOf('=');
            if (equals <= 0) {
                throw new ConfigException("--set " + override
                        + " is not of the form key=value.");
            }
            set(values, override.substring(0, equals).trim(), overrideValue(override, equals),
                    "--set");
        }
        return new JobConfig(values);
    }

    private static Config parse(String hocon, String origin) {
        try {
            return ConfigFactory.parseString(hocon, ConfigParseOptions.defaults()
                    .setSyntax(ConfigSyntax.CONF).setOriginDescription(origin)).resolve();
        } catch (com.typesafe.config.ConfigException e) {
            throw new ConfigException("Cannot read the configuration " + origin + ": "
                    + e.getMessage() + ".", e);
        }
    }

    /** An override's value as HOCON would read it (numbers, lists), else as plain text. */
    private static Object overrideValue(String override, int equals) {
        String text = override.substring(equals + 1).trim();
        try {
            return ConfigFactory.parseString("v = " + text).getValue("v").unwrapped();
        } catch (Parse | com.typesafe.config.ConfigException.BadPath e) {
            return text;
        } catch (com.typesafe.config.ConfigException e) {
            return text;
        }
    }

    private static void set(Map<String, Object> values, String name, Object raw,
                            String origin) {
        ConfigKey<?> key = ConfigKeys.byName(name);
        if (key == null) {
            throw unknownKey(name, origin);
        }
        values.put(key.name(), key.parse(raw));
    }

    private static ConfigException unknownKey(String name, String origin) {
        List<String> known = ConfigKeys.ALL.stream().map(ConfigKey::name)
                .collect(Collectors.toList());
        String nearest = NearestName.among(name, known);
        return new ConfigException("Unknown configuration key '" + name + "' in " + origin
                + "; did you mean '" + nearest + "'?");
    }
}
