package com.sparkgan.jobs;

import com.sparkgan.config.ConfigException;
import com.sparkgan.config.ConfigKey;
import com.sparkgan.config.ConfigKeys;
import com.sparkgan.config.ConfigLoader;
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
                    + "(default; with --resume, the run's own input)")
    String input;

    @Option(names = "--resume",
            description = "continue the run in --out from its last complete checkpoint, with "
                    + "its configuration (plus --config and --set, e.g. more train.rounds)")
    boolean resume;

    /**
     * Settings the checkpoint has baked into its networks: their layers, loss head and
     * optimisers come from the checkpoint, so a changed value would be recorded but not used.
     */
    private static final java.util.List<ConfigKey<?>> FIXED_BY_CHECKPOINT = java.util.List.of(
            ConfigKeys.LOSS, ConfigKeys.WEIGHT_CLIP, ConfigKeys.GRADIENT_CLIP,
            ConfigKeys.GENERATOR_LEARNING_RATE, ConfigKeys.GENERATOR_BETA1,
            ConfigKeys.GENERATOR_BETA2, ConfigKeys.DISCRIMINATOR_LEARNING_RATE,
            ConfigKeys.DISCRIMINATOR_BETA1, ConfigKeys.DISCRIMINATOR_BETA2);

    private static void requireSameNetworks(JobConfig recorded, JobConfig resumed) {
        for (ConfigKey<?> key : ConfigKeys.ALL) {
            boolean fixed = key.name().startsWith("model.") || FIXED_BY_CHECKPOINT.contains(key);
            if (fixed && !recorded.get(key).equals(resumed.get(key))) {
                throw new ConfigException(key.name() + " is " + recorded.get(key) + " in the "
                        + "run being resumed, not " + resumed.get(key) + "; its checkpoint's "
                        + "networks were built with the run's value, so remove the change (or "
                        + "start a new run).");
            }
        }
    }

    @Override
    public Integer call() {
        org.apache.hadoop.conf.Configuration hadoop = new org.apache.hadoop.conf.Configuration();
        if (resume && options.out == null) {
            throw new com.sparkgan.config.ConfigException("--resume needs the --out of the run "
                    + "to continue.");
        }
        String out = options.outOrDefault("train");
        RunLayout layout = RunLayout.of(out);
        String recorded = resume && com.sparkgan.io.HadoopFiles.exists(layout.config(), hadoop)
                ? com.sparkgan.io.HadoopFiles.readText(layout.config(), hadoop) : "";
        // A resumed run starts from its own record; a new one from its dataset's defaults.
        JobConfig config = options.load(resume ? recorded : EmbeddedDataset.defaultsFor(
                input != null ? input : EmbeddedDataset.DIGITS.uri()));
        if (resume && !recorded.isEmpty()) {
            requireSameNetworks(ConfigLoader.load(recorded, layout.config().toString(),
                    java.util.List.of()), config);
        }
        if (resume && options.overwrite) {
            throw new com.sparkgan.config.ConfigException("--resume continues a run and "
                    + "--overwrite replaces it; give one of them.");
        }
        if (resume) {
            TrainingJob.lastCheckpoint(layout, hadoop);
        }
        String data = input != null ? input
                : resume ? TrainingJob.recordedInput(layout, hadoop) : EmbeddedDataset.DIGITS.uri();
        com.sparkgan.data.DatasetLoader.requireInput(data, hadoop);
        if (!resume) {
            TrainingJob.checkOutput(layout, options.overwrite, hadoop);
        }
        JobSummary summary = new JobSummary("train", out);
        try (RunOutput output = resume ? RunOutput.direct(out, hadoop)
                : RunOutput.replacing(out, options.overwrite, hadoop);
             JavaSparkContext spark = SparkSessions.start("train", options.master)) {
            TrainingJob.run(spark, config, data, RunLayout.of(output.writeTo()), resume)
                    .summarize(summary);
            output.publish();
            summary.put("model", layout.model().toString());
        }
        summary.print();
        return ExitStatus.SUCCESS;
    }
}
