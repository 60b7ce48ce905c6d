package com.sparkgan.jobs;

import com.sparkgan.config.JobConfig;
import com.sparkgan.data.DatasetSpec;
import com.sparkgan.data.EmbeddedDataset;
import com.sparkgan.evaluate.QualityGate;
import com.sparkgan.generate.SyntheticFormat;
import com.sparkgan.io.HadoopFiles;
import com.sparkgan.io.RunLayout;
import com.sparkgan.report.RunReport;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pipeline}: train, generate, then evaluate, as one scheduled unit. */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = "Train a GAN, generate synthetic data with it, and evaluate them.")
final class PipelineCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineCommand.class);

    @Mixin
    JobOptions options;

    @Mixin
    EvaluationOptions evaluation;

    @Option(names = "--input", paramLabel = "URI",
            description = "real data: IDX images, CSV file or folder, or embedded:digits "
                    + "(default)")
    String input = EmbeddedDataset.DIGITS.uri();

    @Option(names = "--run-id", paramLabel = "ID",
            description = "write the run to --out/ID (default --out: runs), atomically")
    String runId;

    @Option(names = "--partition", paramLabel = "KEY=VALUE",
            description = "write the run to --out/KEY=VALUE, atomically, e.g. date=2026-12-04")
    String partition;

    @Option(names = "--if-exists", paramLabel = "ACTION",
            description = "when the --run-id or --partition folder is complete already: skip "
                    + "(default, do nothing), replace (atomically) or fail")
    String ifExists;

    @Override
    public Integer call() {
        JobConfig config = options.load(EmbeddedDataset.defaultsFor(input));
        List<QualityGate> gates = EvaluationJob.gates(config, evaluation.failIf);
        StableRun stable = StableRun.of(options.out, runId, partition, ifExists);
        if (stable != null && options.overwrite) {
            throw new com.sparkgan.config.ConfigException("--overwrite does not apply to a "
                    + "--run-id or --partition run; pass --if-exists replace to replace a "
                    + "complete one.");
        }
        org.apache.hadoop.conf.Configuration hadoop = new org.apache.hadoop.conf.Configuration();
        if (stable != null && stable.alreadyDone(hadoop)) {
            new JobSummary("pipeline", stable.target().toString()).put("status", "skipped")
                    .print();
            return ExitStatus.SUCCESS;
        }
        com.sparkgan.data.DatasetLoader.requireInput(input, hadoop);
        if (evaluation.realTest != null) {
            // Found missing only after training otherwise.
            com.sparkgan.data.DatasetLoader.requireInput(evaluation.realTest, hadoop);
        }
        String out = options.outOrDefault("pipeline");
        if (stable == null) {
            TrainingJob.checkOutput(RunLayout.of(out), options.overwrite, hadoop);
        }
        try (RunOutput output = stable != null ? RunOutput.staged(stable.target(), hadoop)
                : RunOutput.replacing(out, options.overwrite, hadoop)) {
            int status;
            try {
                status = runInto(config, gates, output.writeTo(), output.published());
            } catch (com.sparkgan.evaluate.QualityGateException e) {
                // A run below the quality bar must not replace the last good one.
                output.keepUnpublished();
                LOG.warn("The run failed its quality gates and was not published; it stays in "
                        + "{} for inspection.", output.writeTo());
                throw e;
            }
            output.publish();
            return status;
        }
    }

    /** Runs the pipeline writing into {@code out}; the summary names {@code published}. */
    private int runInto(JobConfig config, List<QualityGate> gates, String out,
                        String published) {
        RunLayout layout = RunLayout.of(out);
        JobSummary summary = new JobSummary("pipeline", published);
        try (JavaSparkContext spark = SparkSessions.start("pipeline", options.master)) {
            TrainingJob.Result result = TrainingJob.run(spark, config, input, layout, false);
            RunLayout visible = RunLayout.of(published);
            Map<String, Object> manifest = GenerationJob.run(spark, config,
                    result.samplingGenerator(), result.dataset(), layout,
                    visible.model().toString(), options.overwrite);
            result.summarize(summary);
            summary.put("model", visible.model().toString())
                    .put("synthetic", visible.synthetic().toString())
                    .put("synthetic_count", manifest.get("count"));
            if (input.equals(EmbeddedDataset.RING8.uri())) {
                summary.put("metrics", EvaluationJob.runRing(spark, layout, published, gates));
            } else if (evaluable(result.dataset(), manifest)) {
                String images = EvaluationJob.syntheticImages(out, spark.hadoopConfiguration());
                Map<String, Object> metrics = EvaluationJob.run(spark, config,
                        new EvaluationJob.Inputs(input, evaluation.realTest, images,
                                evaluation.featureModel),
                        layout, published, gates);
                summary.put("metrics", metrics);
            } else if (!gates.isEmpty()) {
                throw new com.sparkgan.config.ConfigException("Quality gates need the "
                        + "evaluation, which needs labelled images written as IDX; " + input
                        + " is not, so remove --fail-if and evaluate.gates.");
            } else {
                LOG.warn("Skipping the evaluation: it needs labelled images written as IDX, "
                        + "and {} is not; the report shows the training curves only.", input);
                new RunReport(layout, spark.hadoopConfiguration(), published).write(null,
                        List.of());
            }
            summary.put("report", visible.report().toString());
        }
        summary.print();
        return ExitStatus.SUCCESS;
    }

    private static boolean evaluable(DatasetSpec data, Map<String, Object> manifest) {
        return data.isImage() && data.hasLabels()
                && SyntheticFormat.IDX.name().toLowerCase().equals(manifest.get("format"));
    }
}
