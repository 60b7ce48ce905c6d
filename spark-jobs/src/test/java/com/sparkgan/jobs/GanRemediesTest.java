package com.sparkgan.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remedies for failing GAN training, each on a real local Spark with real data: the
 * ring8 benchmark's default configuration keeps the modes (and a collapsing one is caught),
 * a conditional generator obeys its labels, and a diverging run is rolled back.
 */
class GanRemediesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static int run(String... args) {
        StringWriter errors = new StringWriter();
        int status = Main.run(new PrintWriter(errors, true), args);
        if (status != 0) {
            System.err.println(errors);
        }
        return status;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Path file) throws IOException {
        return JSON.readValue(file.toFile(), Map.class);
    }

    private static List<Map<String, Object>> records(Path metrics) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String line : Files.readAllLines(metrics)) {
            out.add(JSON.readValue(line, Map.class));
        }
        return out;
    }

    @Test
    void theRing8DefaultConfigurationCoversAtLeastSevenOfTheEightModes() throws IOException {
        Path out = dir.resolve("ring8");
        // no configuration at all: embedded:ring8 brings the benchmark's own defaults
        assertEquals(0, run("pipeline", "--input", "embedded:ring8", "--master", "local[2]",
                "--out", out.toString()));
        Map<String, Object> metrics = json(out.resolve("report/metrics.json"));
        assertTrue(((Number) metrics.get("modes_covered")).intValue() >= 7, metrics.toString());
        assertTrue(((Number) metrics.get("high_quality")).doubleValue() > 0.8,
                metrics.toString());
        assertTrue(Files.readString(out.resolve("report/report.html")).contains("modes_covered"));
    }

    @Test
    void aCollapsingRing8GeneratorIsCaughtByTheGeneratorCollapseGuard() throws IOException {
        Path out = dir.resolve("collapse");
        // the same networks with a 32-dimensional noise vector fall onto one or two modes
        assertEquals(0, run("pipeline", "--input", "embedded:ring8", "--master", "local[2]",
                "--out", out.toString(), "--set", "model.latent-size=32",
                "--set", "train.rounds=160"));
        List<Map<String, Object>> guards = records(out.resolve("metrics.jsonl")).stream()
                .filter(r -> r.containsKey("guard")).toList();
        assertTrue(guards.stream().anyMatch(g -> g.get("guard").equals("generator-collapse")
                && g.get("action").equals("warn")), guards.toString());
        Map<String, Object> metrics = json(out.resolve("report/metrics.json"));
        assertTrue(((Number) metrics.get("modes_covered")).intValue() <= 4, metrics.toString());
        assertTrue(Files.readString(out.resolve("report/report.html"))
                .contains("generator-collapse"));
    }

    @Test
    void aConditionalGeneratorMakesTheClassItIsAskedFor() throws IOException {
        Path overlay = dir.resolve("conditional.conf");
        Files.writeString(overlay, "model.conditional = true\ngenerate.per-class = 50\n");
        // The default 600 rounds: the label takes hold late (at 300 rounds only about 40% of
        // the samples showed their class, at 600 over 95%).
        Path base = dir.resolve("base.conf");
        Files.writeString(base, "model.conditional = false\n");
        Path out = dir.resolve("conditional");
        assertEquals(0, run("pipeline", "--config", base.toString(), "--config",
                overlay.toString(), "--master", "local[2]", "--out", out.toString(),
                "--set", "evaluate.classifier-steps=300"));
        Map<String, Object> manifest = json(out.resolve("synthetic/manifest.json"));
        assertEquals(List.of(50, 50, 50, 50, 50, 50, 50, 50, 50, 50),
                manifest.get("class_counts"));
        assertTrue(Files.isRegularFile(out.resolve("synthetic/labels-idx1-ubyte.gz")));
        Map<String, Object> metrics = json(out.resolve("report/metrics.json"));
        // the feature classifier puts most samples in the class they were generated for
        assertTrue(((Number) metrics.get("label_accuracy")).doubleValue() > 0.6,
                metrics.toString());
        assertEquals(2, run("generate", "--model", dir.resolve("conditional").toString(),
                "--class-weights", "1,2", "--out", dir.resolve("bad-weights").toString(),
                "--master", "local[1]"));
        // an explicit count wins over the run's own generate.per-class
        assertEquals(0, run("generate", "--model", out.toString(), "--count", "30",
                "--out", dir.resolve("thirty").toString(), "--master", "local[1]"));
        assertEquals(30, json(dir.resolve("thirty/synthetic/manifest.json")).get("count"));
        // ... and so does a count given with --set; given with a per-class count, it conflicts
        assertEquals(0, run("generate", "--model", out.toString(), "--set",
                "generate.count=40", "--out", dir.resolve("forty").toString(),
                "--master", "local[1]"));
        assertEquals(40, json(dir.resolve("forty/synthetic/manifest.json")).get("count"));
        assertEquals(2, run("generate", "--model", out.toString(), "--set",
                "generate.count=70", "--per-class", "3", "--out",
                dir.resolve("conflict").toString(), "--master", "local[1]"));
        assertFalse(Files.exists(dir.resolve("conflict")));
    }

    @Test
    void aRunDivergingUnderAnAbsurdLearningRateIsRolledBackAndRecovers() throws IOException {
        Path out = dir.resolve("diverging");
        assertEquals(0, run("train", "--master", "local[2]", "--out", out.toString(),
                "--set", "train.rounds=30", "--set", "train.loss=lsgan",
                "--set", "train.generator.learning-rate=10",
                "--set", "train.discriminator.learning-rate=10",
                "--set", "guard.action=rollback", "--set", "guard.patience=5",
                "--set", "guard.learning-rate-factor=0.00002",
                "--set", "train.checkpoint-every=2"));
        List<Map<String, Object>> records = records(out.resolve("metrics.jsonl"));
        Map<String, Object> rollback = records.stream().filter(r -> r.containsKey("guard"))
                .findFirst().orElseThrow();
        assertEquals("rollback", rollback.get("action"));
        assertEquals(2e-4, ((Number) rollback.get("generator_learning_rate")).doubleValue(),
                1e-9);
        int restored = ((Number) rollback.get("rollback_to")).intValue();
        // The round after the restored checkpoint starts from the same networks both times,
        // so the discriminator's outputs measured before its update are identical.
        List<Map<String, Object>> replayed = records.stream()
                .filter(r -> !r.containsKey("guard")
                        && ((Number) r.get("round")).intValue() == restored + 1).toList();
        assertEquals(2, replayed.size(), replayed.toString());
        assertEquals(replayed.get(0).get("d_real"), replayed.get(1).get("d_real"));
        assertEquals(replayed.get(0).get("d_fake"), replayed.get(1).get("d_fake"));
        Map<String, Object> last = records.get(records.size() - 1);
        assertEquals(30, ((Number) last.get("round")).intValue());
        assertTrue(((Number) last.get("d_loss")).doubleValue() < 1.0, last.toString());
    }

    @Test
    void perClassCountsNeedAConditionalModel() throws IOException {
        Path out = dir.resolve("plain");
        assertEquals(0, run("train", "--master", "local[1]", "--out", out.toString(),
                "--set", "train.rounds=2"));
        assertEquals(2, run("generate", "--model", out.toString(), "--per-class", "10",
                "--master", "local[1]"));
    }
}
