package com.sparkgan.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparkgan.data.DatasetSpec;
import com.sparkgan.data.IdxHeader;
import com.sparkgan.data.Scaling;
import com.sparkgan.io.StorageException;
import com.sparkgan.nets.GanNetworks;
import com.sparkgan.nets.MlpArchitecture;
import com.sparkgan.testing.LocalSpark;
import com.sparkgan.train.NoiseSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.graph.ComputationGraph;
import com.sparkgan.nets.DiscriminatorOptions;
import com.sparkgan.nets.GanLoss;
import com.sparkgan.nets.NetworkSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.learning.config.Adam;

class SyntheticWriterTest {
    @TempDir
    Path dir;

    private final JavaSparkContext spark = LocalSpark.get();
    private final NoiseSource noise = new NoiseSource(4, NoiseSource.Distribution.GAUSSIAN);

    private static ComputationGraph generator(int dataSize) {
        return GanNetworks.create(new MlpArchitecture(4, dataSize, 0, List.of(8), List.of(8),
                new DiscriminatorOptions(0.2, 0)), new NetworkSettings(new Adam(1e-3),
                new Adam(1e-3), GanLoss.STANDARD, 0, 0.01), 3L).generator();
    }

    private static DatasetSpec digitsLike() {
        return new DatasetSpec(64, 8, 8, 0, DatasetSpec.numberedColumns(64),
                Scaling.uniform(64, 0, 16), "test digits");
    }

    private static SyntheticWriter.Request request(int count, SyntheticFormat format,
                                                   boolean replace) {
        return new SyntheticWriter.Request(count, 3, format, true, 11L, "test-model", replace,
                null);
    }

    private org.apache.hadoop.fs.Path target() {
        return new org.apache.hadoop.fs.Path(dir.resolve("synthetic").toString());
    }

    @Test
    void writesOneIdxFileWithEveryExampleAndAManifest() throws IOException {
        Map<String, Object> manifest = new SyntheticWriter(spark).write(generator(64),
                digitsLike(), noise, request(1001, SyntheticFormat.IDX, false), target());
        assertEquals(1001L, ((Number) manifest.get("count")).longValue());
        Path folder = dir.resolve("synthetic");
        assertTrue(Files.exists(folder.resolve("_SUCCESS")));
        assertTrue(Files.readString(folder.resolve("manifest.json")).contains("\"count\" : 1001"));
        try (InputStream in = new GZIPInputStream(Files.newInputStream(
                folder.resolve("images-idx3-ubyte.gz")))) {
            IdxHeader header = IdxHeader.read(in, 3, "synthetic");
            assertArrayEquals(new int[] {1001, 8, 8}, header.dimensions());
            byte[] pixels = in.readAllBytes();
            assertEquals(1001 * 64, pixels.length);
            for (byte p : pixels) {
                assertTrue(p >= 0 && p <= 16, "pixel outside the data's range: " + p);
            }
        }
        assertNoHiddenLeftovers();
    }

    @Test
    void writesCsvPartsWithTheInputsColumns() throws IOException {
        DatasetSpec table = new DatasetSpec(3, 0, 0, 0, List.of("a", "b", "c"),
                new Scaling(new double[] {0, -5, 100}, new double[] {1, 5, 200}), "table");
        new SyntheticWriter(spark).write(generator(3), table, noise,
                request(100, SyntheticFormat.CSV, false), target());
        long rows = 0;
        try (Stream<Path> parts = Files.list(dir.resolve("synthetic"))) {
            for (Path part : parts.filter(p -> p.toString().endsWith(".csv")).toList()) {
                List<String> lines = Files.readAllLines(part);
                assertEquals("a,b,c", lines.get(0));
                for (String line : lines.subList(1, lines.size())) {
                    double c = Double.parseDouble(line.split(",")[2]);
                    assertTrue(c >= 100 && c <= 200, line);
                    rows++;
                }
            }
        }
        assertEquals(100, rows);
    }

    @Test
    void aFailedWriteLeavesNoPartialFolderAndKeepsTheOldOne() throws IOException {
        SyntheticWriter writer = new SyntheticWriter(spark);
        writer.write(generator(64), digitsLike(), noise, request(50, SyntheticFormat.IDX, false),
                target());
        byte[] before = Files.readAllBytes(dir.resolve("synthetic/images-idx3-ubyte.gz"));
        // A generator of 10 values against a 64-value dataset fails inside the tasks.
        Exception failure = assertThrows(Exception.class, () -> writer.write(generator(10),
                digitsLike(), noise, request(500, SyntheticFormat.IDX, true), target()));
        assertTrue(String.valueOf(failure.getMessage()).contains("the model folder is "
                + "inconsistent"), failure.getMessage());
        assertNoTaskStillRunning();
        assertArrayEquals(before, Files.readAllBytes(dir.resolve(
                "synthetic/images-idx3-ubyte.gz")));
        assertNoHiddenLeftovers();
        StorageException exists = assertThrows(StorageException.class, () -> writer.write(
                generator(64), digitsLike(), noise, request(5, SyntheticFormat.IDX, false),
                target()));
        assertTrue(exists.getMessage().endsWith("already exists; pass --overwrite to replace "
                + "it."), exists.getMessage());
    }

    @Test
    void aFailedFirstWriteLeavesNothing() throws IOException {
        assertThrows(Exception.class, () -> new SyntheticWriter(spark).write(generator(10),
                digitsLike(), noise, request(500, SyntheticFormat.IDX, false), target()));
        assertNoTaskStillRunning();
        assertFalse(Files.exists(dir.resolve("synthetic")));
        assertNoHiddenLeftovers();
    }

    /** A failed write returns only once no task can write into its staging folder any more. */
    private void assertNoTaskStillRunning() {
        for (int stage : spark.statusTracker().getActiveStageIds()) {
            var info = spark.statusTracker().getStageInfo(stage);
            assertEquals(0, info == null ? 0 : info.numActiveTasks(), "stage " + stage);
        }
    }

    private void assertNoHiddenLeftovers() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString())
                    .filter(name -> name.startsWith(".") && !name.endsWith(".crc")).toList());
        }
    }
}
