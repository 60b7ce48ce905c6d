package com.sparkgan.config;

/**
 * A problem the user can fix in the configuration or the command line. Its message is one
 * sentence naming the key, the value and what to set instead; jobs exit with status 2.
 */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
