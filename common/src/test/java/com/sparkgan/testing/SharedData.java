package com.sparkgan.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The real datasets beside the project ({@code ../shared/datasets}). */
public final class SharedData {
    private SharedData() {
    }

    public static Path datasets() {
        String configured = System.getProperty("sparkgan.shared");
        Path root = configured != null ? Paths.get(configured) : Paths.get("..", "..", "shared");
        Path datasets = root.resolve("datasets").toAbsolutePath().normalize();
        if (!Files.isDirectory(datasets)) {
            throw new IllegalStateException("the shared datasets are missing at " + datasets);
        }
        return datasets;
    }

    public static String fashionTestImages() {
        return datasets().resolve("fashion-mnist/t10k-images-idx3-ubyte.gz").toString();
    }

    public static String wine() {
        return datasets().resolve("uci-wine/wine.csv").toString();
    }

    public static String digits() {
        return datasets().resolve("uci-digits/digits.csv.gz").toString();
    }
}
