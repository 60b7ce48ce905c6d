package com.sparkgan.jobs;

import com.sparkgan.config.JobConfig;
import com.sparkgan.data.EmbeddedDataset;
import com.sparkgan.io.RunLayout;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pipeline}: train, then generate, as one scheduled unit. */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = "Train a GAN, then generate synthetic data with it.")
final class PipelineCommand implements Callable<Integer> {
    @Mixin
    JobOptions options;

    @Option(names = "--input", paramLabel = "URI",
            description = "real data: IDX images, CSV file or folder, or embedded:digits "
                    + "(default)")
    String input = EmbeddedDataset.DIGITS.uri();

    @Override
    public Integer call() {
        JobConfig config = options.load("");
        String out = options.outOrDefault("pipeline");
        RunLayout layout = RunLayout.of(out);
        TrainingJob.checkOutput(layout, options.overwrite,
                new org.apache.hadoop.conf.Configuration());
        JobSummary summary = new JobSummary("pipeline", out);
        try (JavaSparkContext spark = SparkSessions.start("pipeline", options.master)) {
            TrainingJob.Result result = TrainingJob.run(spark, config, input, layout);
            Map<String, Object> manifest = GenerationJob.run(spark, config,
                    result.networks().generator(), result.dataset(), layout,
                    layout.model().toString(), options.overwrite);
            summary.training(result.rounds()).put("model", layout.model().toString())
                    .put("synthetic", layout.synthetic().toString())
                    .put("synthetic_count", manifest.get("count"));
        }
        summary.print();
        return ExitStatus.SUCCESS;
    }
}
