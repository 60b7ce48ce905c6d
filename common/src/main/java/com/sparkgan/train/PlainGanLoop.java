package com.sparkgan.train;

import com.sparkgan.data.ExampleBlock;
import com.sparkgan.nets.GanNetworks;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * The same GAN training as {@link ParameterAveragingGanTrainer} with one worker, written as
 * a plain single-JVM DL4J loop with no Spark at all: the discriminator's and the generator's
 * minibatches come from the same seeded functions, and each is one {@code fit} call. It is
 * the baseline the benchmark measures the distributed trainer against, and a test holds the
 * two to the same parameters, bit for bit.
 */
public final class PlainGanLoop {
    private final GanNetworks networks;
    private final List<ExampleBlock> shard;
    private final NoiseSource noise;
    private final TrainingSettings settings;

    /** @param shard the real examples, held in this JVM */
    public PlainGanLoop(GanNetworks networks, List<ExampleBlock> shard, NoiseSource noise,
                        TrainingSettings settings) {
        this.networks = networks;
        this.shard = List.copyOf(shard);
        this.noise = noise;
        this.settings = settings;
    }

    /**
     * Trains one round; returns the seconds spent in the discriminator phase and in the
     * generator phase.
     */
    public double[] trainRound(int round) {
        long started = System.nanoTime();
        RealBatchSampler real = new RealBatchSampler(shard.iterator(), new SplittableRandom(
                Seeds.derive(settings.seed(), Seeds.Stream.REAL_BATCHES, round, 0)));
        for (MultiDataSet batch : DiscriminatorBatches.minibatches(networks.generator(), real,
                noise, settings, round, 0, null)) {
            networks.discriminator().fit(batch);
        }
        networks.discriminatorInAdversarial();
        long between = System.nanoTime();
        new GeneratorBatches(noise, settings, round, null)
                .call(0, List.<ExampleBlock>of().iterator())
                .forEachRemaining(networks.adversarial()::fit);
        networks.generatorFromAdversarial();
        return new double[] {(between - started) / 1e9, (System.nanoTime() - between) / 1e9};
    }

    public GanNetworks networks() {
        return networks;
    }
}
