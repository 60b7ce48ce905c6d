package com.sparkgan.train;

import com.sparkgan.data.ExampleBlock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.DoubleAccumulator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs inside each partition of the real shards: draws real minibatches from the shard and
 * as many fakes from the broadcast generator, and emits the discriminator's training data,
 * real rows labelled with the real target and fake rows labelled 0. On its first minibatch it
 * also measures the current discriminator's mean output on real and fake rows.
 */
final class DiscriminatorBatches
        implements Function2<Integer, Iterator<ExampleBlock>, Iterator<DataSet>> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<NetworkState> generator;
    private final Broadcast<NetworkState> discriminator;
    private final NoiseSource noise;
    private final TrainingSettings settings;
    private final int round;
    private final DiscriminatorProbe probe;

    DiscriminatorBatches(Broadcast<NetworkState> generator,
                         Broadcast<NetworkState> discriminator, NoiseSource noise,
                         TrainingSettings settings, int round, DiscriminatorProbe probe) {
        this.generator = generator;
        this.discriminator = discriminator;
        this.noise = noise;
        this.settings = settings;
        this.round = round;
        this.probe = probe;
    }

    @Override
    public Iterator<DataSet> call(Integer partition, Iterator<ExampleBlock> shard) {
        RealBatchSampler real = new RealBatchSampler(shard, new SplittableRandom(
                Seeds.derive(settings.seed(), Seeds.Stream.REAL_BATCHES, round, partition)));
        if (real.size() == 0) {
            return List.<DataSet>of().iterator();
        }
        SplittableRandom noiseRandom = new SplittableRandom(
                Seeds.derive(settings.seed(), Seeds.Stream.FAKE_NOISE, round, partition));
        MultiLayerNetwork g = generator.value().rebuild();
        int b = settings.batchSize();
        INDArray labels = Nd4j.vstack(Nd4j.valueArrayOf(new long[] {b, 1},
                settings.realLabel()), Nd4j.zeros(b, 1)).castTo(org.nd4j.linalg.api.buffer
                .DataType.FLOAT);
        List<DataSet> batches = new ArrayList<>();
        for (int step = 0; step < settings.discriminatorStepsPerRound(); step++) {
            INDArray realRows = Nd4j.create(real.next(b), new long[] {b, real.width()}, 'c');
            // Training mode: batch normalisation uses this minibatch's statistics, as in the
            // generator phase, so the discriminator learns from the fakes the generator is
            // being trained to make, not from ones shaped by lagging running averages.
            INDArray fakeRows = g.output(noise.draw(b, noiseRandom), true)
                    .reshape('c', b, real.width());
            if (step == 0) {
                probe.measure(discriminator.value(), realRows, fakeRows);
            }
            batches.add(new DataSet(Nd4j.vstack(realRows, fakeRows), labels.dup()));
        }
        return batches.iterator();
    }

    /** Sums of the discriminator's outputs on probe minibatches, gathered on the driver. */
    static final class DiscriminatorProbe implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        private final DoubleAccumulator realSum;
        private final DoubleAccumulator fakeSum;
        private final DoubleAccumulator count;

        DiscriminatorProbe(org.apache.spark.SparkContext spark, int round) {
            realSum = spark.doubleAccumulator("round " + round + " D(real) sum");
            fakeSum = spark.doubleAccumulator("round " + round + " D(fake) sum");
            count = spark.doubleAccumulator("round " + round + " probe rows");
        }

        void measure(NetworkState state, INDArray realRows, INDArray fakeRows) {
            MultiLayerNetwork d = state.rebuild();
            realSum.add(d.output(realRows, false).sumNumber().doubleValue());
            fakeSum.add(d.output(fakeRows, false).sumNumber().doubleValue());
            count.add(realRows.size(0));
        }

        double meanReal() {
            return count.value() == 0 ? Double.NaN : realSum.value() / count.value();
        }

        double meanFake() {
            return count.value() == 0 ? Double.NaN : fakeSum.value() / count.value();
        }
    }
}
