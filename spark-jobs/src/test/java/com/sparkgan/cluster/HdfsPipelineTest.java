package com.sparkgan.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparkgan.data.IdxHeader;
import com.sparkgan.io.ModelStore;
import com.sparkgan.jobs.Main;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.protocol.HdfsConstants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline reading its input from, and writing every output to, a real HDFS. */
class HdfsPipelineTest {
    @TempDir
    static java.nio.file.Path dir;

    private static MiniHdfs hdfs;
    private static FileSystem fs;

    @BeforeAll
    static void startHdfs() throws IOException {
        hdfs = new MiniHdfs(dir.resolve("hdfs"));
        fs = hdfs.fileSystem();
    }

    @AfterAll
    static void stopHdfs() {
        hdfs.close();
    }

    private static int run(StringWriter errors, String... args) {
        return Main.run(new PrintWriter(errors, true), args);
    }

    @Test
    void pipelineReadsAndWritesHdfs() throws IOException {
        java.nio.file.Path digits = Paths.get(System.getProperty("sparkgan.shared"),
                "datasets", "uci-digits", "digits.csv.gz");
        String input = hdfs.upload(digits, "/data/digits.csv.gz");
        String out = hdfs.uri() + "/runs/nightly";
        StringWriter errors = new StringWriter();
        int status = run(errors, "pipeline", "--config", "../conf/digits-mlp.conf",
                "--input", input, "--out", out, "--master", "local[2]",
                "--set", "train.rounds=4", "--set", "train.checkpoint-every=2",
                "--set", "train.sample-every=2", "--set", "generate.count=300",
                "--set", "evaluate.classifier-steps=30", "--set", "evaluate.samples=100");
        assertEquals(0, status, errors.toString());
        for (String file : new String[] {"config.conf", "metrics.jsonl",
            "checkpoints/round-000002/discriminator.zip", "checkpoints/round-000004/_SUCCESS",
            "model/generator.zip", "model/dataset.json", "samples/round-000004.png",
            "synthetic/_SUCCESS", "synthetic/manifest.json", "report/report.html",
            "report/metrics.json"}) {
            assertTrue(fs.isFile(new Path(out, file)), file);
        }
        try (InputStream in = new GZIPInputStream(fs.open(new Path(out,
                "synthetic/images-idx3-ubyte.gz")))) {
            assertArrayEquals(new int[] {300, 8, 8}, IdxHeader.read(in, 3, "hdfs").dimensions());
            assertEquals(300 * 64, in.readAllBytes().length);
        }
        String metrics = new String(fs.open(new Path(out, "metrics.jsonl")).readAllBytes(),
                StandardCharsets.UTF_8);
        assertEquals(4, metrics.strip().split("\n").length);
        var generator = ModelStore.loadGraph(new Path(out, "model/generator.zip"),
                new Configuration(), false);
        assertEquals(32, com.sparkgan.nets.GanNetworks.latentSizeOf(generator, 0));
    }

    @Test
    void generateFromAModelOnHdfs() throws IOException {
        String out = hdfs.uri() + "/runs/small";
        StringWriter errors = new StringWriter();
        assertEquals(0, run(errors, "train", "--out", out, "--master", "local[2]",
                "--set", "train.rounds=2"), errors.toString());
        assertEquals(0, run(errors, "generate", "--model", out, "--count", "123",
                "--master", "local[2]"), errors.toString());
        String manifest = new String(fs.open(new Path(out, "synthetic/manifest.json"))
                .readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(manifest.contains("\"count\" : 123"), manifest);
    }

    @Test
    void aCheckpointWriteFailingHalfWayLeavesThePreviousOneIntact() throws IOException {
        String out = hdfs.uri() + "/runs/quota";
        StringWriter errors = new StringWriter();
        assertEquals(0, run(errors, "train", "--out", out, "--master", "local[2]",
                "--set", "train.rounds=2"), errors.toString());
        Path checkpoints = new Path(out, "checkpoints");
        Path previous = new Path(checkpoints, "round-000002");
        long entries = fs.getContentSummary(checkpoints).getFileCount()
                + fs.getContentSummary(checkpoints).getDirectoryCount();
        // Room for the next checkpoint's folder and two of its files, not for the rest.
        DistributedFileSystem dfs = (DistributedFileSystem) fs;
        dfs.setQuota(checkpoints, entries + 3, HdfsConstants.QUOTA_DONT_SET);
        StringWriter failure = new StringWriter();
        int status = run(failure, "train", "--resume", "--out", out, "--master", "local[2]",
                "--set", "train.rounds=4", "--set", "train.checkpoint-every=2");
        assertEquals(2, status, failure.toString());
        assertTrue(failure.toString().startsWith("error: Cannot write"), failure.toString());
        assertTrue(!fs.exists(new Path(checkpoints, "round-000004")),
                "no half-written checkpoint is visible");
        for (String file : new String[] {"generator.zip", "discriminator.zip",
            "adversarial.zip", "dataset.json", "state.json", "_SUCCESS"}) {
            assertTrue(fs.isFile(new Path(previous, file)), file);
        }
        ModelStore.loadGraph(new Path(previous, "adversarial.zip"), new Configuration(),
                true);
        dfs.setQuota(checkpoints, HdfsConstants.QUOTA_RESET, HdfsConstants.QUOTA_DONT_SET);
        assertEquals(0, run(failure, "train", "--resume", "--out", out, "--master",
                "local[2]", "--set", "train.rounds=4"), failure.toString());
        assertTrue(fs.isFile(new Path(checkpoints, "round-000004/_SUCCESS")));
    }

    @Test
    void unreachableStorageIsOneClearErrorWithStatusTwo() {
        StringWriter errors = new StringWriter();
        int status = run(errors, "train", "--out", "hdfs://127.0.0.1:1/runs/x",
                "--master", "local[1]");
        assertEquals(2, status, errors.toString());
        assertTrue(errors.toString().startsWith("error: Cannot reach"), errors.toString());
        assertEquals(1, errors.toString().strip().split("\n").length, errors.toString());
    }
}
