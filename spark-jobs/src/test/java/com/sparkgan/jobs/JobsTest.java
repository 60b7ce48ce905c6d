package com.sparkgan.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The jobs as a user runs them: the real entry point, a real local Spark, real files. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JobsTest {
    @TempDir
    static Path dir;

    private static final List<String> SMALL = List.of("--master", "local[2]",
            "--set", "train.rounds=4", "--set", "train.sample-every=2",
            "--set", "train.checkpoint-every=2", "--set", "train.local-steps=2",
            "--set", "generate.count=250", "--set", "evaluate.classifier-steps=50",
            "--set", "evaluate.samples=200");

    /** Exit status and error text of one job. */
    private record Outcome(int status, String errors) {
    }

    private static Outcome run(List<String> base, String... args) {
        StringWriter errors = new StringWriter();
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                base.stream()).toArray(String[]::new);
        int status = Main.run(new PrintWriter(errors, true), all);
        return new Outcome(status, errors.toString());
    }

    private static Path run() {
        return dir.resolve("run");
    }

    @Test
    @Order(1)
    void pipelineTrainsOnTheEmbeddedDigitsAndWritesEveryOutput() throws IOException {
        Outcome outcome = run(SMALL, "pipeline", "--out", run().toString());
        assertEquals(0, outcome.status(), outcome.errors());
        assertEquals(4, Files.readAllLines(run().resolve("metrics.jsonl")).size());
        assertTrue(Files.readString(run().resolve("config.conf")).contains("train.rounds = 4"));
        for (String file : List.of("samples/round-000002.png", "samples/round-000004.png",
                "checkpoints/round-000002/generator.zip",
                "checkpoints/round-000004/adversarial.zip", "model/generator.zip",
                "model/discriminator.zip", "model/dataset.json", "synthetic/_SUCCESS",
                "synthetic/images-idx3-ubyte.gz")) {
            assertTrue(Files.isRegularFile(run().resolve(file)), file);
        }
        assertTrue(Files.readString(run().resolve("synthetic/manifest.json"))
                .contains("\"count\" : 250"));
        String report = Files.readString(run().resolve("report/report.html"));
        assertTrue(report.contains("<td>fid</td>") && report.contains("data:image/png;base64"),
                "the report holds the metric table and embedded plots");
        assertTrue(Files.readString(run().resolve("report/metrics.json")).contains("\"fid\""));
    }

    @Test
    @Order(4)
    void aFailingQualityGateExitsWithStatusThreeAndNamesTheMetric() {
        Outcome outcome = run(SMALL, "evaluate", "--real", "embedded:digits", "--synthetic",
                run().toString(), "--fail-if", "fid > 0.0001", "--fail-if", "coverage < 0",
                "--overwrite");
        assertEquals(3, outcome.status(), outcome.errors());
        assertTrue(outcome.errors().matches("(?s).*error: Quality gate failed: fid = [0-9.e+]+ "
                + "> 0.0001\\..*"), outcome.errors());
        assertFalse(outcome.errors().contains("coverage"), outcome.errors());
    }

    @Test
    @Order(5)
    void passingGatesExitWithStatusZero() throws IOException {
        Path model = dir.resolve("feature-model.zip");
        Outcome outcome = run(SMALL, "evaluate", "--real", "embedded:digits", "--synthetic",
                run().resolve("synthetic").toString(), "--feature-model", model.toString(),
                "--fail-if", "fid > 100000", "--overwrite");
        assertEquals(0, outcome.status(), outcome.errors());
        assertTrue(Files.isRegularFile(model), "the feature classifier is saved for reuse");
        Outcome reused = run(SMALL, "evaluate", "--real", "embedded:digits", "--synthetic",
                run().toString(), "--feature-model", model.toString(), "--overwrite");
        assertEquals(0, reused.status(), reused.errors());
    }

    @Test
    @Order(6)
    void evaluateKeepsAnExistingReportAndRefusesGatesOnMetricsItCannotCompute()
            throws IOException {
        String before = Files.readString(run().resolve("report/metrics.json"));
        Outcome kept = run(SMALL, "evaluate", "--real", "embedded:digits", "--synthetic",
                run().toString());
        assertEquals(2, kept.status(), kept.errors());
        assertTrue(kept.errors().contains("report already exists"), kept.errors());
        assertEquals(before, Files.readString(run().resolve("report/metrics.json")));
        Outcome absent = run(SMALL, "evaluate", "--real", "embedded:digits", "--synthetic",
                run().toString(), "--out", dir.resolve("elsewhere").toString(),
                "--fail-if", "tstr_accuracy < 0.5");
        assertEquals(2, absent.status(), absent.errors());
        assertTrue(absent.errors().contains("did not compute"), absent.errors());
        assertFalse(Files.exists(dir.resolve("elsewhere")),
                "a failed evaluation leaves no empty folder it made");
        // an IDX header promising 10 images of 8x8, followed by 5: found inside a Spark task
        byte[] truncated = new byte[16 + 5 * 64];
        java.nio.ByteBuffer.wrap(truncated).putInt(0x00000803).putInt(10).putInt(8).putInt(8);
        Path five = Files.write(dir.resolve("five-images-idx3-ubyte"), truncated);
        Outcome cut = run(SMALL, "evaluate", "--real", "embedded:digits", "--synthetic",
                five.toString(), "--out", dir.resolve("cut").toString());
        assertEquals(2, cut.status(), cut.errors());
        assertFalse(Files.exists(dir.resolve("cut")),
                "a failed evaluation leaves no empty folder it made");
    }

    @Test
    @Order(7)
    void resumeRefusesChangedNetworksAndFewerRounds() throws IOException {
        String record = Files.readString(run().resolve("config.conf"));
        Outcome changed = run(SMALL, "train", "--resume", "--out", run().toString(),
                "--set", "train.rounds=6", "--set", "model.mlp.generator-layers=[16]");
        assertEquals(2, changed.status(), changed.errors());
        assertTrue(changed.errors().contains("model.mlp.generator-layers is [128, 256] in the "
                + "run being resumed, not [16]"), changed.errors());
        Outcome fewer = run(List.of("--master", "local[2]"), "train", "--resume", "--out",
                run().toString(), "--set", "train.rounds=2");
        assertEquals(2, fewer.status(), fewer.errors());
        assertTrue(fewer.errors().contains("below the last checkpoint's round 4"),
                fewer.errors());
        assertEquals(record, Files.readString(run().resolve("config.conf")),
                "a refused resume leaves the run's configuration as it was");
    }

    @Test
    void aScheduledRunNeverDeletesAFolderThatIsNotACompleteRun() throws IOException {
        Path base = dir.resolve("sched");
        Path day = Files.createDirectories(base.resolve("today"));
        Files.writeString(day.resolve("keep.txt"), "mine");
        Outcome outcome = run(SMALL, "pipeline", "--out", base.toString(), "--run-id", "today");
        assertEquals(2, outcome.status(), outcome.errors());
        assertTrue(outcome.errors().contains("holds no complete run"), outcome.errors());
        assertEquals("mine", Files.readString(day.resolve("keep.txt")));
    }

    @Test
    void malformedOrUnknownGatesAreBadInput() {
        Outcome malformed = run(SMALL, "evaluate", "--real", "embedded:digits", "--synthetic",
                dir.toString(), "--fail-if", "fid >> 3");
        assertEquals(2, malformed.status());
        assertTrue(malformed.errors().contains("is not of the form"), malformed.errors());
        Outcome unknown = run(SMALL, "evaluate", "--real", "embedded:digits", "--synthetic",
                dir.toString(), "--fail-if", "fdi > 3");
        assertEquals(2, unknown.status());
        assertTrue(unknown.errors().contains("unknown metric 'fdi'"), unknown.errors());
    }

    @Test
    @Order(2)
    void generateReplacesTheSyntheticDataOnlyWhenAsked() throws IOException {
        Outcome refused = run(List.of("--master", "local[2]"), "generate", "--model",
                run().toString(), "--count", "100");
        assertEquals(2, refused.status());
        assertTrue(refused.errors().contains("already exists; pass --overwrite"),
                refused.errors());
        Outcome replaced = run(List.of("--master", "local[2]"), "generate", "--model",
                run().resolve("model").toString(), "--count", "100", "--overwrite");
        assertEquals(0, replaced.status(), replaced.errors());
        assertTrue(Files.readString(run().resolve("synthetic/manifest.json"))
                .contains("\"count\" : 100"));
    }

    @Test
    @Order(3)
    void rerunningTrainOverAFinishedRunIsRefused() {
        Outcome outcome = run(SMALL, "train", "--out", run().toString());
        assertEquals(2, outcome.status());
        assertTrue(outcome.errors().contains("already holds a training run"), outcome.errors());
    }

    @Test
    void aResumedRunEndsWithTheParametersOfAnUninterruptedRun() throws IOException {
        List<String> base = List.of("--master", "local[2]", "--set", "train.local-steps=2",
                "--set", "train.checkpoint-every=3", "--set", "train.sample-every=100",
                "--set", "train.generator-ema=0.9");
        Path whole = dir.resolve("whole");
        Path resumed = dir.resolve("resumed");
        assertEquals(0, run(base, "train", "--out", whole.toString(), "--set",
                "train.rounds=10").status());
        assertEquals(0, run(base, "train", "--out", resumed.toString(), "--set",
                "train.rounds=7").status());
        Outcome more = run(base, "train", "--resume", "--out", resumed.toString(), "--set",
                "train.rounds=10");
        assertEquals(0, more.status(), more.errors());
        for (String network : List.of("generator.zip", "discriminator.zip",
                "generator-ema.zip")) {
            assertEquals(parameters(whole.resolve("model").resolve(network)),
                    parameters(resumed.resolve("model").resolve(network)), network);
        }
        assertEquals(10, Files.readAllLines(resumed.resolve("metrics.jsonl")).size());
        Outcome nothing = run(base, "train", "--resume", "--out", dir.resolve("none")
                .toString());
        assertEquals(2, nothing.status());
        assertTrue(nothing.errors().contains("no complete checkpoint"), nothing.errors());
        Outcome changed = run(base, "train", "--resume", "--out", resumed.toString(), "--set",
                "train.rounds=12", "--set", "train.loss=hinge");
        assertEquals(2, changed.status());
        assertTrue(changed.errors().contains("train.loss is standard in the run being resumed"),
                changed.errors());
        // A run that sampled with the generator's average never quietly samples without it.
        Files.delete(whole.resolve("model/generator-ema.zip"));
        Outcome withoutAverage = run(List.of("--master", "local[1]"), "generate", "--model",
                whole.toString(), "--count", "20");
        assertEquals(2, withoutAverage.status());
        assertTrue(withoutAverage.errors().contains("has no generator-ema.zip"),
                withoutAverage.errors());
        assertFalse(Files.exists(whole.resolve("synthetic")));
        assertEquals(0, run(List.of("--master", "local[1]"), "generate", "--model",
                whole.toString(), "--count", "20", "--set", "train.generator-ema=0").status());
    }

    @Test
    void aHandEditedMetricsLogIsNamedByLineWhenResuming() throws IOException {
        Path edited = dir.resolve("edited");
        List<String> base = List.of("--master", "local[1]", "--set", "train.local-steps=1",
                "--set", "train.checkpoint-every=1", "--set", "train.sample-every=100");
        assertEquals(0, run(base, "train", "--out", edited.toString(), "--set",
                "train.rounds=2").status());
        Path metrics = edited.resolve("metrics.jsonl");
        List<String> lines = Files.readAllLines(metrics);
        Files.write(metrics, List.of(lines.get(0), lines.get(1).replace("\"round\":2,", "")));
        Files.deleteIfExists(edited.resolve(".metrics.jsonl.crc"));
        Outcome outcome = run(base, "train", "--resume", "--out", edited.toString(), "--set",
                "train.rounds=3");
        assertEquals(2, outcome.status(), outcome.errors());
        assertEquals("error: " + metrics + " line 2 has no whole-number round, so the records "
                + "to keep cannot be told; mend or remove that line.", outcome.errors().trim());
    }

    private static List<Float> parameters(Path model) throws IOException {
        float[] values = org.deeplearning4j.util.ModelSerializer
                .restoreComputationGraph(model.toFile(), false).params().toFloatVector();
        List<Float> out = new java.util.ArrayList<>();
        for (float v : values) {
            out.add(v);
        }
        return out;
    }

    @Test
    void aScheduledRunIsSkippedOrReplacedAtomicallyWhenRerun() throws IOException {
        Path base = dir.resolve("nightly");
        List<String> args = List.of("pipeline", "--out", base.toString(), "--partition",
                "date=2026-12-04");
        Outcome first = run(SMALL, args.toArray(new String[0]));
        assertEquals(0, first.status(), first.errors());
        Path day = base.resolve("date=2026-12-04");
        assertTrue(Files.isRegularFile(day.resolve("_SUCCESS")));
        assertTrue(Files.isRegularFile(day.resolve("synthetic/_SUCCESS")));
        String manifest = Files.readString(day.resolve("synthetic/manifest.json"));

        Outcome skipped = run(SMALL, args.toArray(new String[0]));
        assertEquals(0, skipped.status(), skipped.errors());
        assertEquals(manifest, Files.readString(day.resolve("synthetic/manifest.json")));

        List<String> replace = new java.util.ArrayList<>(args);
        replace.addAll(List.of("--if-exists", "replace"));
        Outcome replaced = run(SMALL, replace.toArray(new String[0]));
        assertEquals(0, replaced.status(), replaced.errors());
        assertFalse(manifest.equals(Files.readString(day.resolve("synthetic/manifest.json"))),
                "a new manifest with a new creation time");
        try (var names = Files.list(base)) {
            assertEquals(List.of("date=2026-12-04"), names.map(p -> p.getFileName().toString())
                    .toList(), "no staging folder is left beside the published run");
        }
        List<String> refuse = new java.util.ArrayList<>(args);
        refuse.addAll(List.of("--if-exists", "fail"));
        assertEquals(2, run(SMALL, refuse.toArray(new String[0])).status());
    }

    @Test
    void unknownKeyExitsWithStatusTwoAndNamesTheFix() {
        Outcome outcome = run(SMALL, "train", "--out", dir.resolve("typo").toString(),
                "--set", "train.batchsize=8");
        assertEquals(2, outcome.status());
        assertEquals("error: Unknown configuration key 'train.batchsize' in --set; did "
                + "you mean 'train.batch-size-per-worker'?", outcome.errors().trim());
        assertFalse(Files.exists(dir.resolve("typo")));
    }

    @Test
    void missingInputExitsWithStatusTwo() {
        Outcome outcome = run(SMALL, "train", "--out", dir.resolve("missing").toString(),
                "--input", dir.resolve("absent.csv").toString());
        assertEquals(2, outcome.status());
        assertTrue(outcome.errors().contains("does not exist"), outcome.errors());
        assertFalse(Files.exists(dir.resolve("missing")), "nothing is written before the check");
    }

    @Test
    void malformedCsvExitsWithStatusTwoAndOneSentence() throws IOException {
        Path csv = dir.resolve("ragged.csv");
        Files.writeString(csv, "1,2,3\n4,5,6\n7,8\n");
        Outcome outcome = run(SMALL, "train", "--out", dir.resolve("ragged").toString(),
                "--input", csv.toString());
        assertEquals(2, outcome.status(), outcome.errors());
        assertEquals("error: Data row 3 of " + csv + " has 2 columns, expected 3.",
                outcome.errors().trim());
        assertFalse(Files.exists(dir.resolve("ragged")), "a run that never trained leaves "
                + "no folder");
    }

    @Test
    void aConditionalModelOnDataOfOneClassExitsWithStatusTwo() throws IOException {
        Path csv = dir.resolve("one-class.csv");
        StringBuilder rows = new StringBuilder("x,y,class\n");
        for (int i = 0; i < 64; i++) {
            rows.append(i % 7).append(',').append(i % 5).append(",7\n");
        }
        Files.writeString(csv, rows);
        Outcome outcome = run(SMALL, "train", "--out", dir.resolve("one-class").toString(),
                "--input", csv.toString(), "--set", "data.csv.header=true",
                "--set", "data.csv.label-column=class", "--set", "model.conditional=true");
        assertEquals(2, outcome.status(), outcome.errors());
        assertEquals("error: model.conditional = true needs labelled data with at least 2 "
                + "classes, but every example of " + csv + " has the label 7.",
                outcome.errors().trim());
        assertFalse(Files.exists(dir.resolve("one-class")));
    }

    @Test
    void dcganOnTabularDataExitsWithStatusTwo() {
        Outcome outcome = run(SMALL, "train", "--out", dir.resolve("dcgan").toString(),
                "--input", com.sparkgan.testing.SharedPaths.wine(),
                "--set", "data.csv.header=true", "--set", "data.csv.label-column=class",
                "--set", "model.architecture=dcgan");
        assertEquals(2, outcome.status());
        assertTrue(outcome.errors().contains("needs images whose sides are multiples of 4"),
                outcome.errors());
    }

    @Test
    void aMissingJobOrOptionIsABadInvocation() {
        assertEquals(2, run(List.of()).status());
        assertEquals(2, run(List.of(), "train", "--no-such-option").status());
        assertEquals(2, run(List.of(), "generate").status());
        Outcome badMaster = run(List.of("--master", "foo"), "train", "--out",
                dir.resolve("foo").toString());
        assertEquals(2, badMaster.status());
        assertTrue(badMaster.errors().startsWith("error: --master foo is not a Spark master"),
                badMaster.errors());
        assertFalse(Files.exists(dir.resolve("foo")));
        Outcome emptyInput = run(List.of(), "train", "--input", "", "--out",
                dir.resolve("empty").toString());
        assertEquals(2, emptyInput.status());
        assertTrue(emptyInput.errors().contains("is not a usable path"), emptyInput.errors());
    }
}
