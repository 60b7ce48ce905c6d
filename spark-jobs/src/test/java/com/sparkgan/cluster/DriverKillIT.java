package com.sparkgan.cluster;

import com.sparkgan.bench.LocalStandaloneCluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver killed in the middle of training: only complete checkpoints are visible, no
 * synthetic data appear, and {@code train --resume} finishes the run.
 */
class DriverKillIT {
    @TempDir
    Path dir;

    private Process job(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g"));
        command.addAll(List.of(System.getProperty("sparkgan.opens").trim().split("\\s+")));
        command.addAll(List.of("-cp", System.getProperty("sparkgan.jar") + ":"
                + Files.readString(Path.of(System.getProperty("sparkgan.classpath"))).trim(),
                "com.sparkgan.jobs.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().put("OMP_NUM_THREADS", "1");
        return builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @Test
    void resumeFinishesARunWhoseDriverWasKilled() throws Exception {
        Path run = dir.resolve("run");
        Path log = dir.resolve("killed.log");
        Process killed = job(log, "pipeline", "--out", run.toString(), "--master", "local[2]",
                "--set", "train.rounds=400", "--set", "train.checkpoint-every=3");
        LocalStandaloneCluster.waitFor(log, "Saved " + run.resolve("checkpoints/round-000006"),
                Duration.ofMinutes(3));
        killed.destroyForcibly();
        assertTrue(killed.waitFor(1, TimeUnit.MINUTES));
        assertFalse(Files.exists(run.resolve("synthetic")), "no synthetic data are visible");
        try (Stream<Path> checkpoints = Files.list(run.resolve("checkpoints"))) {
            for (Path checkpoint : checkpoints.filter(p -> !p.getFileName().toString()
                    .startsWith(".")).toList()) {
                assertTrue(Files.exists(checkpoint.resolve("_SUCCESS")), checkpoint.toString());
            }
        }
        Path resumed = dir.resolve("resumed.log");
        Process resume = job(resumed, "train", "--resume", "--out", run.toString(),
                "--master", "local[2]", "--set", "train.rounds=12");
        assertTrue(resume.waitFor(3, TimeUnit.MINUTES));
        assertEquals(0, resume.exitValue(), Files.readString(resumed));
        assertTrue(Files.readString(resumed).contains("Resuming from"));
        assertTrue(Files.exists(run.resolve("model/generator.zip")));
        assertEquals(12, Files.readAllLines(run.resolve("metrics.jsonl")).size());
    }
}
