package com.sparkgan.testing;

import java.nio.file.Path;
import java.nio.file.Paths;

/** The real datasets beside the project ({@code ../shared/datasets}). */
public final class SharedPaths {
    private SharedPaths() {
    }

    private static Path datasets() {
        String configured = System.getProperty("sparkgan.shared");
        Path root = configured != null ? Paths.get(configured) : Paths.get("..", "..", "shared");
        return root.resolve("datasets").toAbsolutePath().normalize();
    }

    public static String wine() {
        return datasets().resolve("uci-wine/wine.csv").toString();
    }
}
