package com.sparkgan.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparkgan.config.ConfigLoader;
import com.sparkgan.config.JobConfig;
import com.sparkgan.io.StorageException;
import com.sparkgan.testing.LocalSpark;
import com.sparkgan.testing.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLoaderTest {
    @TempDir
    Path dir;

    private final JavaSparkContext spark = LocalSpark.get();

    private static JobConfig config(String... overrides) {
        return ConfigLoader.load("", "test", List.of(overrides));
    }

    private RealDataset load(String input, int workers, String... overrides) {
        return new DatasetLoader(spark, config(overrides)).load(input, workers);
    }

    /** Every example of a dataset, in shard order, with labels appended as a last value. */
    private static List<float[]> rows(RealDataset data) {
        List<float[]> out = new ArrayList<>();
        for (ExampleBlock block : data.shards().collect()) {
            for (int r = 0; r < block.rows(); r++) {
                float[] row = new float[block.width() + 1];
                block.copyRow(r, row, 0);
                row[block.width()] = block.hasLabels() ? block.label(r) : -1;
                out.add(row);
            }
        }
        return out;
    }

    /** A tiny IDX images file: {@code count} 2x3 images whose pixel i of image n is n*6+i. */
    private Path idxImages(String name, int count, boolean gzip) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(IdxHeader.encode(count, 2, 3));
        for (int n = 0; n < count; n++) {
            for (int i = 0; i < 6; i++) {
                bytes.write(n * 6 + i);
            }
        }
        return write(name, bytes.toByteArray(), gzip);
    }

    private Path write(String name, byte[] content, boolean gzip) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file))
                : Files.newOutputStream(file)) {
            out.write(content);
        }
        return file;
    }

    @Test
    void readsRawAndGzippedIdxWithTheLabelsBesideThem() throws IOException {
        for (boolean gzip : new boolean[] {false, true}) {
            String suffix = gzip ? ".gz" : "";
            Path images = idxImages("train-images-idx3-ubyte" + suffix, 10, gzip);
            byte[] labels = new byte[8 + 10];
            System.arraycopy(IdxHeader.encode(10), 0, labels, 0, 8);
            labels[0] = 0;
            labels[2] = 8;
            labels[3] = 1;
            for (int n = 0; n < 10; n++) {
                labels[8 + n] = (byte) (n % 3);
            }
            write("train-labels-idx1-ubyte" + suffix, labels, gzip);
            RealDataset data = load(images.toString(), 3);
            assertEquals(10, data.count());
            assertArrayEquals(new long[] {3, 3, 4}, data.shardSizes());
            assertEquals(2, data.spec().imageHeight());
            assertEquals(3, data.spec().imageWidth());
            assertEquals(3, data.spec().classCount());
            List<float[]> rows = rows(data);
            for (int n = 0; n < 10; n++) {
                assertEquals((n * 6 + 5) / 127.5f - 1f, rows.get(n)[5], 1e-6);
                assertEquals(n % 3, rows.get(n)[6]);
            }
            data.release();
        }
    }

    @Test
    void readsTheRealFashionMnistTestSet() {
        RealDataset data = load(SharedData.fashionTestImages(), 2);
        assertEquals(10_000, data.count());
        assertEquals(784, data.spec().featureCount());
        assertEquals(10, data.spec().classCount());
        assertTrue(data.spec().isImage());
        data.release();
    }

    @Test
    void wrongMagicNumberIsOneClearError() throws IOException {
        Path labelsAsImages = write("x-images-idx3-ubyte", IdxHeader.encode(4), false);
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> load(labelsAsImages.toString(), 2));
        assertEquals(labelsAsImages + " has the magic number 0x00000801, not the 0x00000803 "
                + "of an IDX images file.", e.getMessage());
    }

    @Test
    void truncatedIdxIsOneClearError() throws IOException {
        Path full = idxImages("full", 10, false);
        byte[] bytes = Files.readAllBytes(full);
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 7);
        Path truncated = write("cut-images-idx3-ubyte.gz", cut, true);
        Exception e = assertThrows(Exception.class, () -> load(truncated.toString(), 2));
        DataFormatException cause = findCause(e);
        assertTrue(cause.getMessage().contains("is truncated"), cause.getMessage());
    }

    @Test
    void csvWithHeaderAndNamedLabel() {
        RealDataset data = load(SharedData.wine(), 2, "data.csv.header=true",
                "data.csv.label-column=class");
        assertEquals(178, data.count());
        assertEquals(13, data.spec().featureCount());
        assertEquals("alcohol", data.spec().columns().get(0));
        assertEquals(3, data.spec().classCount());
        assertFalse(data.spec().isImage());
        for (float[] row : rows(data)) {
            for (int c = 0; c < 13; c++) {
                assertTrue(row[c] >= -1f && row[c] <= 1f);
            }
        }
        data.release();
    }

    @Test
    void csvWithoutHeaderAsImages() {
        RealDataset data = load(SharedData.digits(), 2, "data.csv.label-column=last",
                "data.image.height=8", "data.image.width=8");
        assertEquals(1797, data.count());
        assertEquals(64, data.spec().featureCount());
        assertEquals(10, data.spec().classCount());
        assertEquals(16.0, data.spec().scaling().max(0));
        data.release();
    }

    @Test
    void embeddedDigitsNeedNoInput() {
        RealDataset data = load(EmbeddedDataset.DIGITS.uri(), 2);
        assertEquals(1797, data.count());
        assertEquals(8, data.spec().imageHeight());
        assertEquals(10, data.spec().classCount());
        data.release();
    }

    @Test
    void csvRowOfTheWrongWidthIsOneClearError() throws IOException {
        Path csv = write("bad.csv", "a,b,c\n1,2,3\n4,5\n".getBytes(StandardCharsets.UTF_8),
                false);
        Exception e = assertThrows(Exception.class,
                () -> load(csv.toString(), 2, "data.csv.header=true"));
        assertEquals("Data row 2 of " + csv + " has 2 columns, expected 3.",
                findCause(e).getMessage());
    }

    @Test
    void csvCellThatIsNotANumberIsOneClearError() throws IOException {
        Path csv = write("words.csv", "a,b\n1,2\n3,oops\n".getBytes(StandardCharsets.UTF_8),
                false);
        Exception e = assertThrows(Exception.class,
                () -> load(csv.toString(), 2, "data.csv.header=true"));
        assertEquals("Data row 2 of " + csv + ", column 'b': 'oops' is not a finite number.",
                findCause(e).getMessage());
    }

    @Test
    void missingLabelColumnAndMissingInputAreClearErrors() throws IOException {
        DataFormatException label = assertThrows(DataFormatException.class,
                () -> load(SharedData.wine(), 2, "data.csv.header=true",
                        "data.csv.label-column=kind"));
        assertTrue(label.getMessage().startsWith("The label column 'kind' is not among the 14 "
                + "columns of"), label.getMessage());
        StorageException missing = assertThrows(StorageException.class,
                () -> load(dir.resolve("nothing.csv").toString(), 2));
        assertEquals("The input " + dir.resolve("nothing.csv") + " does not exist.",
                missing.getMessage());
    }

    private static DataFormatException findCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DataFormatException d) {
                return d;
            }
        }
        throw new AssertionError("no DataFormatException in " + e, e);
    }
}
