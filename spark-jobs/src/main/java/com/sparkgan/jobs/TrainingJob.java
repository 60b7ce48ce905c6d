package com.sparkgan.jobs;

import com.sparkgan.config.ConfigException;
import com.sparkgan.config.ConfigKeys;
import com.sparkgan.config.JobConfig;
import com.sparkgan.data.DatasetLoader;
import com.sparkgan.data.EmbeddedDataset;
import com.sparkgan.data.RealDataset;
import com.sparkgan.io.HadoopFiles;
import com.sparkgan.io.Json;
import com.sparkgan.io.ModelStore;
import com.sparkgan.io.RunLayout;
import com.sparkgan.io.StorageException;
import com.sparkgan.nets.Architectures;
import com.sparkgan.nets.GanArchitecture;
import com.sparkgan.nets.GanNetworks;
import com.sparkgan.nets.NetworkSettings;
import com.sparkgan.train.GeneratorAverage;
import com.sparkgan.train.NoiseSource;
import com.sparkgan.train.TrainingGuards;
import com.sparkgan.train.ParameterAveragingGanTrainer;
import com.sparkgan.train.RoundMetrics;
import com.sparkgan.train.TrainingLoop;
import com.sparkgan.train.TrainingSettings;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Real data to trained networks: the work of {@code train} and of {@code pipeline}. */
final class TrainingJob {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingJob.class);

    /**
     * What training produced.
     *
     * @param networks the trained networks
     * @param samplingGenerator the generator to sample from (the moving average if kept)
     * @param dataset the description of the training data
     * @param rounds each round's metrics
     */
    record Result(GanNetworks networks, ComputationGraph samplingGenerator,
                  com.sparkgan.data.DatasetSpec dataset, List<RoundMetrics> rounds,
                  int lastRound) {
        void summarize(JobSummary summary) {
            summary.training(rounds, lastRound);
        }
    }

    private TrainingJob() {
    }

    /**
     * Fails before any Spark work when the run folder already holds a run. Whether it can be
     * written is proved next by {@link RunOutput}, which creates it (and knows it did).
     */
    static void checkOutput(RunLayout layout, boolean overwrite, Configuration hadoop) {
        if (!overwrite && HadoopFiles.exists(layout.metrics(), hadoop)) {
            throw new StorageException(layout.root() + " already holds a training run; choose "
                    + "another --out or pass --overwrite.");
        }
    }

    /**
     * A conditional generator learns only the classes it is shown, and labels are numbered
     * from 0: one class present is refused, and classes below the largest label that have no
     * example are named, since the generator would make untrained output for them.
     */
    static void checkClasses(JobConfig config, RealDataset data, String input) {
        SortedMap<Integer, Long> counts = data.classCounts();
        if (!config.get(ConfigKeys.CONDITIONAL) || counts.isEmpty()) {
            return; // unlabelled data are refused with the network's own message
        }
        if (counts.size() < 2) {
            throw new ConfigException(ConfigKeys.CONDITIONAL.name() + " = true needs labelled "
                    + "data with at least 2 classes, but every example of " + input
                    + " has the label " + counts.firstKey() + ".");
        }
        List<Integer> absent = IntStream.range(0, counts.lastKey())
                .filter(label -> !counts.containsKey(label)).boxed().toList();
        if (!absent.isEmpty()) {
            LOG.warn("Classes {} have no examples in {} (labels run from 0 to {}): the "
                    + "conditional generator will make untrained output for them. Number the "
                    + "classes present from 0, or give them weight 0 in generate.class-weights.",
                    absent, input, counts.lastKey());
        }
    }

    /**
     * Trains, from scratch or, when {@code resume}, from the run folder's last complete
     * checkpoint with its networks and optimiser state. Every random draw is derived from the
     * seed and the round number, so a resumed run continues exactly as the original would.
     */
    static Result run(JavaSparkContext spark, JobConfig config, String input, RunLayout layout,
                      boolean resume) {
        Configuration hadoop = spark.hadoopConfiguration();
        int checkpoint = resume ? lastCheckpoint(layout, hadoop) : 0;
        if (EmbeddedDataset.isEmbedded(input)) {
            config = EmbeddedDataset.byUri(input).layout().applyTo(config);
        }
        int workers = config.get(ConfigKeys.WORKERS) > 0 ? config.get(ConfigKeys.WORKERS)
                : spark.defaultParallelism();
        RealDataset data = new DatasetLoader(spark, config).load(input, workers);
        checkClasses(config, data, input);
        GanArchitecture architecture = Architectures.from(config, data.spec());
        long seed = config.get(ConfigKeys.SEED);
        if (checkpoint > config.get(ConfigKeys.ROUNDS)) {
            throw new ConfigException(ConfigKeys.ROUNDS.name() + " = "
                    + config.get(ConfigKeys.ROUNDS) + " is below the last checkpoint's round "
                    + checkpoint + "; set it to " + checkpoint + " or more to resume.");
        }
        NetworkSettings networkSettings = Architectures.networkSettings(config);
        GanNetworks networks = checkpoint > 0
                ? restore(architecture, layout.checkpoint(checkpoint), hadoop, networkSettings,
                        seed)
                : GanNetworks.create(architecture, networkSettings, seed);
        GeneratorAverage average = average(config, networks, checkpoint > 0
                ? layout.checkpoint(checkpoint) : null, hadoop);
        // Written once the input and the networks have proved sound, so that a failed start
        // leaves no stub run and a refused resume leaves the run's own record untouched.
        HadoopFiles.writeText(layout.config(), hadoop, config.render());
        HadoopFiles.writeText(runRecord(layout), hadoop, Json.pretty(Map.of("input",
                qualified(input, hadoop))));
        LOG.info("Training a {} GAN: generator {} parameters, discriminator {} parameters, "
                        + "{} workers, rounds {} to {}", architecture.name(),
                networks.generator().numParams(), networks.discriminator().numParams(),
                workers, checkpoint + 1, config.get(ConfigKeys.ROUNDS));
        NoiseSource noise = NoiseSource.of(config.get(ConfigKeys.LATENT_SIZE),
                config.get(ConfigKeys.NOISE));
        TrainingSettings settings = TrainingSettings.from(config, architecture.classCount());
        try (ParameterAveragingGanTrainer trainer = new ParameterAveragingGanTrainer(spark, data,
                networks, noise, settings)) {
            TrainingLoop loop = new TrainingLoop(trainer, layout, hadoop, data.spec(), noise,
                    new TrainingLoop.LoopSettings(settings.rounds(),
                            config.get(ConfigKeys.CHECKPOINT_EVERY),
                            config.get(ConfigKeys.SAMPLE_EVERY),
                            config.get(ConfigKeys.SAMPLE_GRID_SIZE), seed,
                            TrainingGuards.Settings.from(config),
                            config.get(ConfigKeys.GUARD_LEARNING_RATE_FACTOR),
                            config.get(ConfigKeys.GUARD_MAX_ROLLBACKS)), average);
            List<RoundMetrics> rounds = loop.run(checkpoint + 1);
            return new Result(networks, loop.samplingGenerator(), data.spec(), rounds,
                    settings.rounds());
        }
    }

    /** The round of the last complete checkpoint; fails when there is none. */
    static int lastCheckpoint(RunLayout layout, Configuration hadoop) {
        int checkpoint = ModelStore.latestCheckpoint(layout, hadoop);
        if (checkpoint == 0) {
            throw new StorageException("There is no complete checkpoint under "
                    + layout.checkpoints() + " to resume from; start the run again without "
                    + "--resume, adding --overwrite if " + layout.root() + " holds its files.");
        }
        return checkpoint;
    }

    /** An input URI that names the same data from any working directory. */
    private static String qualified(String input, Configuration hadoop) {
        if (EmbeddedDataset.isEmbedded(input)) {
            return input;
        }
        Path path = HadoopFiles.path(input);
        return HadoopFiles.fileSystem(path, hadoop).makeQualified(path).toString();
    }

    private static Path runRecord(RunLayout layout) {
        return new Path(layout.root(), "run.json");
    }

    /** The input a run was trained on, as recorded in its folder. */
    static String recordedInput(RunLayout layout, Configuration hadoop) {
        Path record = runRecord(layout);
        if (!HadoopFiles.exists(record, hadoop)) {
            throw new StorageException(layout.root() + " holds no run.json naming its input; "
                    + "pass --input.");
        }
        return String.valueOf(Json.parse(HadoopFiles.readText(record, hadoop),
                record.toString()).get("input"));
    }

    /** The generator's moving average when configured, continued from a checkpoint's. */
    private static GeneratorAverage average(JobConfig config, GanNetworks networks,
                                            Path checkpoint, Configuration hadoop) {
        double decay = config.get(ConfigKeys.GENERATOR_EMA);
        if (decay == 0) {
            return null;
        }
        Path saved = checkpoint == null ? null
                : new Path(checkpoint, ModelStore.GENERATOR_AVERAGE);
        if (saved != null && HadoopFiles.exists(saved, hadoop)) {
            return GeneratorAverage.resumed(ModelStore.loadGraph(saved, hadoop, false), decay);
        }
        if (saved != null) {
            LOG.warn("{} has no {}; the generator's moving average starts again from the "
                    + "checkpoint's weights.", checkpoint, ModelStore.GENERATOR_AVERAGE);
        }
        return GeneratorAverage.startingAt(networks.generator(), decay);
    }

    private static GanNetworks restore(GanArchitecture architecture, Path checkpoint,
                                       Configuration hadoop, NetworkSettings settings,
                                       long seed) {
        LOG.info("Resuming from {}", checkpoint);
        GanNetworks restored = GanNetworks.restore(architecture,
                ModelStore.loadGraph(new Path(checkpoint, ModelStore.GENERATOR), hadoop, false),
                ModelStore.loadGraph(new Path(checkpoint, ModelStore.DISCRIMINATOR), hadoop,
                        true),
                ModelStore.loadGraph(new Path(checkpoint, ModelStore.ADVERSARIAL), hadoop,
                        true));
        long latent = GanNetworks.latentSizeOf(restored.generator(),
                architecture.classCount());
        if (latent != architecture.latentSize()) {
            throw new ConfigException("The checkpoint's generator reads noise of size "
                    + latent + ", not the configured " + ConfigKeys.LATENT_SIZE.name() + " of "
                    + architecture.latentSize() + "; resume with the run's own model settings.");
        }
        GanNetworks configured = GanNetworks.create(architecture, settings, seed);
        if (configured.generator().numParams() != restored.generator().numParams()
                || configured.discriminator().numParams()
                != restored.discriminator().numParams()
                || GanNetworks.isConditional(restored.generator()) != architecture.conditional()) {
            throw new ConfigException("The checkpoint's networks do not match the configured "
                    + architecture.name() + " for this input (model.* settings or the input's "
                    + "shape changed); resume with the run's own model settings and input.");
        }
        return restored;
    }
}
