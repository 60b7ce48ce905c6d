package com.sparkgan.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Datasets shipped inside the application jar, so that a job runs with no input at all. The
 * jar is on every executor's classpath, so executors read the rows themselves.
 */
public enum EmbeddedDataset {
    /**
     * UCI "Optical Recognition of Handwritten Digits" (Alpaydin and Kaynak, 1998), 1,797
     * images of 8x8 pixels with values 0..16 and a label 0..9 in the last column; CC BY 4.0.
     */
    DIGITS("digits", "/com/sparkgan/datasets/digits.csv.gz",
            new CsvLayout(false, "last", 8, 8), null),
    /**
     * {@link RingOfGaussians}: 16,000 2-D points around 8 modes; columns x and y. Its own
     * defaults are the benchmark's settings (the product's defaults collapse on it).
     */
    RING8("ring8", null, new CsvLayout(true, "", 0, 0), "/com/sparkgan/datasets/ring8.conf");

    /** The URI scheme naming an embedded dataset, as in {@code embedded:digits}. */
    public static final String SCHEME = "embedded:";

    private final String name;
    private final String resource;
    private final CsvLayout layout;
    private final String defaults;

    EmbeddedDataset(String name, String resource, CsvLayout layout, String defaults) {
        this.name = name;
        this.resource = resource;
        this.layout = layout;
        this.defaults = defaults;
    }

    public String uri() {
        return SCHEME + name;
    }

    public CsvLayout layout() {
        return layout;
    }

    public static boolean isEmbedded(String uri) {
        return uri.startsWith(SCHEME);
    }

    public static EmbeddedDataset byUri(String uri) {
        for (EmbeddedDataset dataset : values()) {
            if (dataset.uri().equals(uri)) {
                return dataset;
            }
        }
        List<String> known = new ArrayList<>();
        for (EmbeddedDataset dataset : values()) {
            known.add(dataset.uri());
        }
        throw new DataFormatException("There is no embedded dataset " + uri + "; the embedded "
                + "datasets are " + String.join(", ", known) + ".");
    }

    /**
     * The HOCON settings a job on {@code input} starts from, beneath the user's configuration:
     * an embedded dataset's own defaults, or nothing.
     */
    public static String defaultsFor(String input) {
        if (!isEmbedded(input)) {
            return "";
        }
        EmbeddedDataset dataset = byUri(input);
        if (dataset.defaults == null) {
            return "";
        }
        try (InputStream in = EmbeddedDataset.class.getResourceAsStream(dataset.defaults)) {
            if (in == null) {
                throw new IllegalStateException("resource " + dataset.defaults
                        + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the defaults of " + input, e);
        }
    }

    /** Every line of the dataset, read from the classpath or generated. */
    public List<String> lines() {
        if (resource == null) {
            return RingOfGaussians.lines();
        }
        try (InputStream raw = EmbeddedDataset.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("resource " + resource + " is missing from "
                        + "the jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(raw), StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read embedded dataset " + name, e);
        }
    }
}
