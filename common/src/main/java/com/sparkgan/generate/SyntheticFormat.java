package com.sparkgan.generate;

import com.sparkgan.data.DatasetSpec;

/** The file formats synthetic data can be written in. */
public enum SyntheticFormat {
    /** IDX unsigned-byte images, the MNIST family's format; for image data. */
    IDX,
    /** CSV parts with a header row naming the input's columns. */
    CSV;

    /** Resolves the {@code generate.format} setting against the data. */
    public static SyntheticFormat resolve(String setting, DatasetSpec spec) {
        return switch (setting) {
            case "idx" -> {
                if (!spec.isImage()) {
                    throw new com.sparkgan.config.ConfigException("generate.format = idx needs "
                            + "image data, but " + spec.source() + " is not images; use csv.");
                }
                yield IDX;
            }
            case "csv" -> CSV;
            default -> spec.isImage() ? IDX : CSV;
        };
    }
}
