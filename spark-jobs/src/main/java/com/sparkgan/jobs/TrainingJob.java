package com.sparkgan.jobs;

import com.sparkgan.config.ConfigKeys;
import com.sparkgan.config.JobConfig;
import com.sparkgan.data.DatasetLoader;
import com.sparkgan.data.RealDataset;
import com.sparkgan.io.HadoopFiles;
import com.sparkgan.io.RunLayout;
import com.sparkgan.io.StorageException;
import com.sparkgan.nets.Architectures;
import com.sparkgan.nets.GanArchitecture;
import com.sparkgan.nets.GanNetworks;
import com.sparkgan.train.NoiseSource;
import com.sparkgan.train.ParameterAveragingGanTrainer;
import com.sparkgan.train.RoundMetrics;
import com.sparkgan.train.TrainingLoop;
import com.sparkgan.train.TrainingSettings;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Real data to trained networks: the work of {@code train} and of {@code pipeline}. */
final class TrainingJob {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingJob.class);

    /**
     * What training produced.
     *
     * @param networks the trained networks
     * @param dataset the description of the training data
     * @param rounds each round's metrics
     */
    record Result(GanNetworks networks, com.sparkgan.data.DatasetSpec dataset,
                  List<RoundMetrics> rounds) {
    }

    private TrainingJob() {
    }

    /** Fails before any Spark work when the run folder already holds a run. */
    static void checkOutput(RunLayout layout, boolean overwrite, Configuration hadoop) {
        if (!overwrite && HadoopFiles.exists(layout.metrics(), hadoop)) {
            throw new StorageException(layout.root() + " already holds a training run; choose "
                    + "another --out or pass --overwrite.");
        }
    }

    static Result run(JavaSparkContext spark, JobConfig config, String input, RunLayout layout) {
        Configuration hadoop = spark.hadoopConfiguration();
        HadoopFiles.writeText(layout.config(), hadoop, config.render());
        int workers = config.get(ConfigKeys.WORKERS) > 0 ? config.get(ConfigKeys.WORKERS)
                : spark.defaultParallelism();
        RealDataset data = new DatasetLoader(spark, config).load(input, workers);
        GanArchitecture architecture = Architectures.from(config, data.spec());
        long seed = config.get(ConfigKeys.SEED);
        GanNetworks networks = GanNetworks.create(architecture,
                Architectures.generatorUpdater(config), Architectures.discriminatorUpdater(config),
                seed);
        LOG.info("Training a {} GAN: generator {} parameters, discriminator {} parameters, "
                        + "{} workers, {} rounds", architecture.name(),
                networks.generator().numParams(), networks.discriminator().numParams(),
                workers, config.get(ConfigKeys.ROUNDS));
        NoiseSource noise = NoiseSource.of(config.get(ConfigKeys.LATENT_SIZE),
                config.get(ConfigKeys.NOISE));
        TrainingSettings settings = TrainingSettings.from(config);
        try (ParameterAveragingGanTrainer trainer = new ParameterAveragingGanTrainer(spark, data,
                networks, noise, settings)) {
            TrainingLoop loop = new TrainingLoop(trainer, layout, hadoop, data.spec(), noise,
                    new TrainingLoop.LoopSettings(settings.rounds(),
                            config.get(ConfigKeys.CHECKPOINT_EVERY),
                            config.get(ConfigKeys.SAMPLE_EVERY),
                            config.get(ConfigKeys.SAMPLE_GRID_SIZE), seed));
            return new Result(networks, data.spec(), loop.run());
        }
    }
}
