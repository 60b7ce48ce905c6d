package com.sparkgan.cluster;

import com.sparkgan.bench.LocalStandaloneCluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparkgan.data.IdxHeader;
import com.sparkgan.io.ModelStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded application jar submitted through Spark's own submit entry point to a real
 * standalone cluster (a master, two workers, executors in their own JVMs) that reads and
 * writes a real HDFS; and the same run with an executor killed in the middle of training.
 */
class StandaloneClusterIT {
    @TempDir
    static Path dir;

    private static MiniHdfs hdfs;
    private static LocalStandaloneCluster cluster;
    private static String input;

    @BeforeAll
    static void start() throws Exception {
        hdfs = new MiniHdfs(dir.resolve("hdfs"));
        input = hdfs.upload(Paths.get(System.getProperty("sparkgan.shared"), "datasets",
                "uci-digits", "digits.csv.gz"), "/data/digits.csv.gz");
        cluster = new LocalStandaloneCluster(dir,
                Path.of(System.getProperty("sparkgan.classpath")),
                System.getProperty("sparkgan.opens"), 2);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
        if (hdfs != null) {
            hdfs.close();
        }
    }

    /** Submits the pipeline through submit/standalone.sh, as a user would. */
    private static Process submit(String out, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", "../submit/standalone.sh",
                cluster.master(), "pipeline", "--config", "../conf/digits-mlp.conf",
                "--input", input, "--out", out,
                "--set", "train.rounds=30", "--set", "train.workers=2",
                "--set", "train.checkpoint-every=10", "--set", "train.sample-every=10",
                "--set", "generate.count=400", "--set", "evaluate.classifier-steps=30",
                "--set", "evaluate.samples=100"));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(cluster.environment());
        builder.environment().put("SPARKGAN_JAR", System.getProperty("sparkgan.jar"));
        builder.environment().put("SPARKGAN_EXECUTOR_MEMORY", "1g");
        builder.environment().put("SPARKGAN_EXECUTOR_OVERHEAD", "1g");
        builder.environment().put("SPARK_SUBMIT_EXTRA", "--conf spark.driver.host=127.0.0.1 "
                + "--driver-memory 1g");
        return builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static float[] generatorParameters(String out) {
        return ModelStore.loadGraph(new org.apache.hadoop.fs.Path(out, "model/generator.zip"),
                new Configuration(), false).params().toFloatVector();
    }

    @Test
    void submittedJarTrainsOnTheClusterAndSurvivesAKilledExecutor() throws Exception {
        String clean = hdfs.uri() + "/runs/clean";
        Path cleanLog = dir.resolve("clean.log");
        Process first = submit(clean, cleanLog);
        assertTrue(first.waitFor(6, TimeUnit.MINUTES), "the clean run finished");
        assertEquals(0, first.exitValue(), Files.readString(cleanLog));
        FileSystem fs = hdfs.fileSystem();
        assertTrue(fs.isFile(new org.apache.hadoop.fs.Path(clean, "synthetic/_SUCCESS")));
        assertTrue(fs.isFile(new org.apache.hadoop.fs.Path(clean, "report/report.html")));
        try (InputStream in = new GZIPInputStream(fs.open(new org.apache.hadoop.fs.Path(clean,
                "synthetic/images-idx3-ubyte.gz")))) {
            assertArrayEquals(new int[] {400, 8, 8}, IdxHeader.read(in, 3, "hdfs").dimensions());
        }
        assertTrue(Files.readString(cleanLog).contains("round 30/30"));

        String faulty = hdfs.uri() + "/runs/faulty";
        Path faultyLog = dir.resolve("faulty.log");
        Process second = submit(faulty, faultyLog);
        LocalStandaloneCluster.waitFor(faultyLog, "round 5/30", Duration.ofMinutes(4));
        ProcessHandle executor = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("")
                        .contains("CoarseGrainedExecutorBackend"))
                .findFirst().orElseThrow();
        assertTrue(executor.destroyForcibly(), "an executor JVM was killed");
        assertTrue(second.waitFor(6, TimeUnit.MINUTES), "the faulty run finished");
        assertEquals(0, second.exitValue(), Files.readString(faultyLog));
        assertTrue(Files.readString(faultyLog).contains("Lost executor"),
                "the driver saw the executor go: " + Files.readString(faultyLog));
        assertArrayEquals(generatorParameters(clean), generatorParameters(faulty), 0f,
                "retried tasks regenerate the same data, so the result equals the clean run's");
    }
}
