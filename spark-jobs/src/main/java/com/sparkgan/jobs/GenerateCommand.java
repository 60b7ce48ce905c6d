package com.sparkgan.jobs;

import com.sparkgan.config.ConfigException;
import com.sparkgan.config.ConfigKeys;
import com.sparkgan.config.JobConfig;
import com.sparkgan.data.DatasetSpec;
import com.sparkgan.io.HadoopFiles;
import com.sparkgan.io.ModelStore;
import com.sparkgan.io.RunLayout;
import com.sparkgan.io.StorageException;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import com.sparkgan.nets.GanNetworks;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code generate}: a trained generator to N synthetic examples under {@code synthetic/}. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate synthetic data with a trained generator.")
final class GenerateCommand implements Callable<Integer> {
    @Mixin
    JobOptions options;

    @Option(names = "--model", paramLabel = "URI", required = true,
            description = "a run folder, or its model/ or checkpoints/round-N/ folder")
    String model;

    @Option(names = "--count", paramLabel = "N",
            description = "synthetic examples to generate (generate.count)")
    Integer count;

    @Option(names = "--per-class", paramLabel = "N",
            description = "conditional models: N examples of each class (generate.per-class)")
    Integer perClass;

    @Option(names = "--class-weights", paramLabel = "W,W,...", split = ",",
            description = "conditional models: relative shares of the classes in --count "
                    + "(generate.class-weights)")
    List<Double> classWeights;

    @Override
    public Integer call() {
        Configuration hadoop = new Configuration();
        Path modelFolder = modelFolder(hadoop);
        Path runConfig = new Path(runFolderOf(modelFolder), "config.conf");
        String base = HadoopFiles.exists(runConfig, hadoop)
                ? HadoopFiles.readText(runConfig, hadoop) : "";
        JobConfig config = options.load(base);
        // The command line (flags, or --set of the same keys) wins over the run's own
        // configuration, which may carry a per-class count or class weights of its own.
        if (count != null) {
            config = config.with(ConfigKeys.GENERATE_COUNT, count);
        }
        if (perClass != null) {
            config = config.with(ConfigKeys.GENERATE_PER_CLASS, perClass);
        }
        if (classWeights != null) {
            config = config.with(ConfigKeys.GENERATE_CLASS_WEIGHTS, classWeights);
        }
        boolean countAsked = count != null || options.sets(ConfigKeys.GENERATE_COUNT);
        boolean perClassAsked = perClass != null && perClass > 0
                || options.sets(ConfigKeys.GENERATE_PER_CLASS)
                && config.get(ConfigKeys.GENERATE_PER_CLASS) > 0;
        boolean weightsAsked = classWeights != null
                || options.sets(ConfigKeys.GENERATE_CLASS_WEIGHTS);
        if (countAsked && perClassAsked) {
            throw new ConfigException("--count (generate.count) and --per-class "
                    + "(generate.per-class) both say how many examples to make; give one of "
                    + "them.");
        }
        if ((countAsked || weightsAsked) && !perClassAsked) {
            config = config.with(ConfigKeys.GENERATE_PER_CLASS, 0);
        }
        if (perClassAsked && !weightsAsked) {
            config = config.with(ConfigKeys.GENERATE_CLASS_WEIGHTS, List.<Double>of());
        }
        String out = options.out != null ? options.out : runFolderOf(modelFolder).toString();
        RunLayout layout = RunLayout.of(out);
        // The run's configuration says whether it sampled with the generator's average; a
        // model folder without its run falls back to what the folder holds.
        ComputationGraph generator = ModelStore.loadSamplingGenerator(modelFolder, hadoop,
                base.isEmpty() ? null : config.get(ConfigKeys.GENERATOR_EMA) > 0);
        DatasetSpec spec = ModelStore.loadDatasetSpec(new Path(modelFolder, ModelStore.DATASET),
                hadoop);
        requireLatentSize(generator, spec, config);
        JobSummary summary = new JobSummary("generate", out);
        try (JavaSparkContext spark = SparkSessions.start("generate", options.master)) {
            Map<String, Object> manifest = GenerationJob.run(spark, config, generator, spec,
                    layout, modelFolder.toString(), options.overwrite);
            summary.put("synthetic", layout.synthetic().toString())
                    .put("synthetic_count", manifest.get("count"))
                    .put("model", modelFolder.toString());
        }
        summary.print();
        return ExitStatus.SUCCESS;
    }

    /** The run a model folder belongs to: model/ and checkpoints/round-N/ sit inside it. */
    private static Path runFolderOf(Path modelFolder) {
        Path parent = modelFolder.getParent();
        return parent.getName().equals("checkpoints") && parent.getParent() != null
                ? parent.getParent() : parent;
    }

    /** The folder holding generator.zip: the URI itself or its model/ subfolder. */
    private Path modelFolder(Configuration hadoop) {
        Path given = HadoopFiles.path(model);
        if (HadoopFiles.exists(new Path(given, ModelStore.GENERATOR), hadoop)) {
            return given;
        }
        Path inRun = new RunLayout(given).model();
        if (HadoopFiles.exists(new Path(inRun, ModelStore.GENERATOR), hadoop)) {
            return inRun;
        }
        throw new StorageException("No trained generator at " + model + ": expected "
                + ModelStore.GENERATOR + " in it or in its model/ folder.");
    }

    private static void requireLatentSize(ComputationGraph generator, DatasetSpec spec,
                                          JobConfig config) {
        long inputs = GanNetworks.latentSizeOf(generator, spec.classCount());
        if (inputs != config.get(ConfigKeys.LATENT_SIZE)) {
            throw new ConfigException(ConfigKeys.LATENT_SIZE.name() + " = "
                    + config.get(ConfigKeys.LATENT_SIZE) + " does not match the generator, "
                    + "which reads noise of size " + inputs + "; remove the override.");
        }
    }
}
