package com.sparkgan.jobs;

import com.sparkgan.config.JobConfig;
import com.sparkgan.data.EmbeddedDataset;
import com.sparkgan.io.RunLayout;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code train}: real data to trained networks, checkpoints, metrics and sample grids. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a GAN on real data.")
final class TrainCommand implements Callable<Integer> {
    @Mixin
    JobOptions options;

    @Option(names = "--input", paramLabel = "URI",
            description = "real data: IDX images, CSV file or folder, or embedded:digits "
                    + "(default)")
    String input = EmbeddedDataset.DIGITS.uri();

    @Override
    public Integer call() {
        JobConfig config = options.load("");
        String out = options.outOrDefault("train");
        RunLayout layout = RunLayout.of(out);
        TrainingJob.checkOutput(layout, options.overwrite,
                new org.apache.hadoop.conf.Configuration());
        JobSummary summary = new JobSummary("train", out);
        try (JavaSparkContext spark = SparkSessions.start("train", options.master)) {
            TrainingJob.Result result = TrainingJob.run(spark, config, input, layout);
            summary.training(result.rounds()).put("model", layout.model().toString());
        }
        summary.print();
        return ExitStatus.SUCCESS;
    }
}
