package org.reintegra.devstack;

import java.nio.file.Path;

/**
 * Settings of the local stack: a system property of the given name, else the environment variable
 * of the same name in upper case with dots and dashes as underscores, else the default.
 */
final class StackConfig {

    private StackConfig() {
    }

    static String value(String key, String defaultValue) {
        String property = System.getProperty(key);
        if (property != null && !property.isBlank()) {
            return property;
        }
        String environment = System.getenv(environmentName(key));
        if (environment != null && !environment.isBlank()) {
            return environment;
        }
        return defaultValue;
    }

    static int port(String key, int defaultValue) {
        return Integer.parseInt(value(key, Integer.toString(defaultValue)));
    }

    static Path path(String key) {
        String value = value(key, null);
        if (value == null) {
            throw new IllegalStateException("Missing setting " + key + " (system property or " + environmentName(key)
                    + "); run the portal through Maven as the README says");
        }
        return Path.of(value);
    }

    static String environmentName(String key) {
        return key.toUpperCase().replace('.', '_').replace('-', '_');
    }
}
