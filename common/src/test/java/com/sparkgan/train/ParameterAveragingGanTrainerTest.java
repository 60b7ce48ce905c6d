package com.sparkgan.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparkgan.config.ConfigException;
import com.sparkgan.config.ConfigKeys;
import com.sparkgan.config.ConfigLoader;
import com.sparkgan.config.JobConfig;
import com.sparkgan.data.DatasetLoader;
import com.sparkgan.data.EmbeddedDataset;
import com.sparkgan.data.RealDataset;
import com.sparkgan.nets.Architectures;
import com.sparkgan.nets.GanNetworks;
import com.sparkgan.testing.LocalSpark;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;

/** The distributed trainer on a real local[2] Spark with the UCI digits. */
class ParameterAveragingGanTrainerTest {
    private final JavaSparkContext spark = LocalSpark.get();

    private static JobConfig config(String... extra) {
        List<String> overrides = new ArrayList<>(List.of("train.batch-size-per-worker=32",
                "train.local-steps=2", "model.latent-size=8",
                "model.mlp.generator-layers=[32]", "model.mlp.discriminator-layers=[32]"));
        overrides.addAll(List.of(extra));
        return ConfigLoader.load("", "test", overrides);
    }

    private ParameterAveragingGanTrainer trainer(JobConfig config) {
        return trainer(config, 2);
    }

    private ParameterAveragingGanTrainer trainer(JobConfig config, int workers) {
        RealDataset data = new DatasetLoader(spark, config).load(EmbeddedDataset.DIGITS.uri(),
                workers);
        com.sparkgan.nets.GanArchitecture architecture = Architectures.from(config,
                data.spec());
        GanNetworks networks = GanNetworks.create(architecture,
                Architectures.networkSettings(config), config.get(ConfigKeys.SEED));
        return new ParameterAveragingGanTrainer(spark, data, networks,
                NoiseSource.of(config.get(ConfigKeys.LATENT_SIZE), "gaussian"),
                TrainingSettings.from(config, architecture.classCount()));
    }

    private static float[] params(ComputationGraph net) {
        return net.params().toFloatVector();
    }

    /** The parameters of the named layers of a network, concatenated in the order given. */
    private static float[] layers(ComputationGraph net, List<String> names) {
        List<Float> values = new ArrayList<>();
        for (String name : names) {
            for (float v : net.getLayer(name).params().toFloatVector()) {
                values.add(v);
            }
        }
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    @Test
    void roundsGiveFiniteLossesAndTrainOnEveryWorkersBatches() {
        try (ParameterAveragingGanTrainer trainer = trainer(config(
                "train.discriminator-steps=2"))) {
            for (int round = 1; round <= 3; round++) {
                RoundMetrics m = trainer.trainRound(round);
                assertTrue(m.finite(), m.toString());
                // 2 workers x 2 local steps x 2 discriminator steps x (32 real + 32 fake)
                assertEquals(512, m.discriminatorExamples());
                // 2 workers x 2 local steps x 32 noise rows
                assertEquals(128, m.generatorExamples());
                assertTrue(m.discriminatorReal() > 0 && m.discriminatorReal() < 1);
                assertTrue(m.discriminatorFake() > 0 && m.discriminatorFake() < 1);
            }
        }
    }

    @Test
    void theDcganTrainsOnEightByEightDigits() {
        try (ParameterAveragingGanTrainer trainer = trainer(config("model.architecture=dcgan",
                "model.dcgan.generator-filters=4", "model.dcgan.discriminator-filters=4"))) {
            float[] before = params(trainer.networks().generator());
            RoundMetrics m = trainer.trainRound(1);
            assertTrue(m.finite(), m.toString());
            assertFalse(Arrays.equals(before, params(trainer.networks().generator())));
        }
    }

    @Test
    void eachPhaseChangesOnlyItsOwnNetwork() {
        try (ParameterAveragingGanTrainer trainer = trainer(config())) {
            GanNetworks nets = trainer.networks();
            float[] generator = params(nets.generator());
            float[] discriminator = params(nets.discriminator());
            trainer.discriminatorPhase(1, new DiscriminatorBatches.DiscriminatorProbe(
                    spark.sc(), 1));
            assertArrayEquals(generator, params(nets.generator()), 0f);
            assertFalse(Arrays.equals(discriminator, params(nets.discriminator())));

            float[] trainedDiscriminator = params(nets.discriminator());
            trainer.generatorPhase(1);
            assertArrayEquals(trainedDiscriminator, params(nets.discriminator()), 0f);
            List<String> dLayers = GanNetworks.parameterLayers(nets.discriminator());
            List<String> gLayers = GanNetworks.parameterLayers(nets.generator());
            assertArrayEquals(layers(nets.discriminator(), dLayers),
                    layers(nets.adversarial(), dLayers), 0f);
            assertFalse(Arrays.equals(generator, params(nets.generator())));
            assertArrayEquals(layers(nets.adversarial(), gLayers),
                    layers(nets.generator(), gLayers), 0f);
        }
    }

    @Test
    void theSameSeedGivesIdenticalParameters() {
        float[][] first = trainTwoRounds(config());
        float[][] second = trainTwoRounds(config());
        assertArrayEquals(first[0], second[0], 0f);
        assertArrayEquals(first[1], second[1], 0f);
        float[][] other = trainTwoRounds(config("run.seed=7"));
        assertFalse(Arrays.equals(first[0], other[0]));
    }

    @Test
    void dropoutMasksRepeatWithTheSeed() {
        // DL4J draws dropout masks from the executor thread's own generator
        float[][] first = trainTwoRounds(config("model.discriminator-dropout=0.3"));
        float[][] second = trainTwoRounds(config("model.discriminator-dropout=0.3"));
        assertArrayEquals(first[0], second[0], 0f);
        assertArrayEquals(first[1], second[1], 0f);
    }

    private float[][] trainTwoRounds(JobConfig config) {
        try (ParameterAveragingGanTrainer trainer = trainer(config)) {
            trainer.trainRound(1);
            trainer.trainRound(2);
            return new float[][] {params(trainer.networks().generator()),
                    params(trainer.networks().discriminator())};
        }
    }

    /**
     * With one worker, parameter averaging must change nothing: the rounds equal the plain
     * single-JVM loop's {@code fit} calls on the same minibatches, bit for bit, optimiser
     * state included. (This fails when workers restart Adam's step count, which shrinks their
     * steps.)
     */
    @Test
    void oneWorkerTrainsExactlyAsPlainFitCallsOnTheSameMinibatches() {
        JobConfig config = config();
        try (ParameterAveragingGanTrainer trainer = trainer(config, 1)) {
            GanNetworks spark1 = trainer.networks();
            GanNetworks plain = GanNetworks.create(spark1.architecture(),
                    Architectures.networkSettings(config), config.get(ConfigKeys.SEED));
            TrainingSettings settings = TrainingSettings.from(config, 0);
            NoiseSource noise = NoiseSource.of(config.get(ConfigKeys.LATENT_SIZE), "gaussian");
            RealDataset data = new DatasetLoader(spark, config).load(
                    EmbeddedDataset.DIGITS.uri(), 1);
            PlainGanLoop loop = new PlainGanLoop(plain, data.shards().collect(), noise,
                    settings);
            for (int round = 1; round <= 3; round++) {
                trainer.trainRound(round);
                loop.trainRound(round);
                assertArrayEquals(params(plain.generator()), params(spark1.generator()), 0f);
                assertArrayEquals(params(plain.discriminator()),
                        params(spark1.discriminator()), 0f);
                assertArrayEquals(plain.adversarial().getUpdater().getStateViewArray()
                        .toFloatVector(), spark1.adversarial().getUpdater().getStateViewArray()
                        .toFloatVector(), 0f);
            }
            data.release();
        }
    }

    @Test
    void everyLossAndTrickTrainsToFiniteValues() {
        List<String[]> variants = List.of(
                new String[] {"train.loss=lsgan", "train.real-label=0.9"},
                new String[] {"train.loss=wasserstein", "train.discriminator-steps=2"},
                new String[] {"train.loss=hinge", "train.instance-noise=0.2"},
                new String[] {"model.discriminator-dropout=0.3", "train.gradient-clip=1.0"},
                new String[] {"model.conditional=true"},
                new String[] {"model.conditional=true", "model.architecture=dcgan",
                        "model.dcgan.generator-filters=4",
                        "model.dcgan.discriminator-filters=4"});
        for (String[] variant : variants) {
            try (ParameterAveragingGanTrainer trainer = trainer(config(variant))) {
                float[] before = params(trainer.networks().generator());
                for (int round = 1; round <= 2; round++) {
                    RoundMetrics m = trainer.trainRound(round);
                    assertTrue(m.finite() && Double.isFinite(m.discriminatorReal())
                            && Double.isFinite(m.diversity()) && m.generatorGradient() > 0,
                            Arrays.toString(variant) + " " + m);
                }
                assertFalse(Arrays.equals(before, params(trainer.networks().generator())),
                        Arrays.toString(variant));
            }
        }
    }

    @Test
    void labelSmoothingIsRefusedWhereTheLossHasNoLabels() {
        ConfigException e = assertThrows(ConfigException.class, () -> trainer(config(
                "train.loss=hinge", "train.real-label=0.9")));
        assertEquals("train.real-label = 0.9 smooths labels, which train.loss = hinge does not "
                + "have; remove it or use the standard or lsgan loss.", e.getMessage());
    }

    @Test
    void tooLittleDataForOneBatchPerWorkerIsAClearError() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> trainer(config("data.limit=40")));
        assertEquals("The 40 examples of embedded:digits split into 2 shards of at least 20, "
                + "fewer than the train.batch-size-per-worker of 32; lower "
                + "train.batch-size-per-worker to 20 or set train.workers to 1 or fewer.",
                e.getMessage());
    }
}
