package com.sparkgan.train;

import com.sparkgan.data.ExampleBlock;
import com.sparkgan.nets.GanInputs;
import com.sparkgan.nets.NdArrays;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.DoubleAccumulator;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs inside each partition of the real shards: draws real minibatches from the shard and
 * as many fakes from the broadcast generator, and emits the discriminator's training data,
 * real rows with the objective's real target and fake rows with its fake target. Fakes of a
 * conditional GAN carry the labels of the real rows beside them, so both halves have the same
 * class mix. Instance noise, when asked, is added to both halves. On its first minibatch it
 * also measures the current discriminator's mean output on real and fake rows and the spread
 * of both halves, for the collapse guards.
 */
final class DiscriminatorBatches
        implements Function2<Integer, Iterator<ExampleBlock>, Iterator<MultiDataSet>> {
    private static final long serialVersionUID = 2L;

    private final Broadcast<NetworkState> generator;
    private final Broadcast<NetworkState> discriminator;
    private final NoiseSource noise;
    private final TrainingSettings settings;
    private final int round;
    private final DiscriminatorProbe probe;
    private final DoubleAccumulator buildMs;

    /** @param buildMs receives the milliseconds each partition spends making its minibatches */
    DiscriminatorBatches(Broadcast<NetworkState> generator,
                         Broadcast<NetworkState> discriminator, NoiseSource noise,
                         TrainingSettings settings, int round, DiscriminatorProbe probe,
                         DoubleAccumulator buildMs) {
        this.generator = generator;
        this.discriminator = discriminator;
        this.noise = noise;
        this.settings = settings;
        this.round = round;
        this.probe = probe;
        this.buildMs = buildMs;
    }

    @Override
    public Iterator<MultiDataSet> call(Integer partition, Iterator<ExampleBlock> shard) {
        long started = System.nanoTime();
        RealBatchSampler real = new RealBatchSampler(shard, new SplittableRandom(
                Seeds.derive(settings.seed(), Seeds.Stream.REAL_BATCHES, round, partition)));
        if (real.size() == 0) {
            return List.<MultiDataSet>of().iterator();
        }
        ComputationGraph g = generator.value().rebuildGraph();
        List<MultiDataSet> batches = minibatches(g, real, noise, settings, round, partition,
                (realRows, fakeRows, labels) -> probe.measure(discriminator.value(), realRows,
                        fakeRows, labels, settings.classes()));
        buildMs.add((System.nanoTime() - started) / 1e6);
        Seeds.seedNetworkDraws(settings.seed(), round, partition);
        return batches.iterator();
    }

    /** Receives the first real and fake minibatch of a partition, before any update. */
    @FunctionalInterface
    interface FirstBatch {
        void accept(INDArray realRows, INDArray fakeRows, int[] labels);
    }

    /**
     * One partition's discriminator minibatches for one round, from generator {@code g}:
     * the same seeds give the same minibatches wherever they are made, on an executor or in
     * the single-machine loop.
     */
    static List<MultiDataSet> minibatches(ComputationGraph g, RealBatchSampler real,
                                          NoiseSource noise, TrainingSettings settings,
                                          int round, int partition, FirstBatch first) {
        SplittableRandom noiseRandom = new SplittableRandom(
                Seeds.derive(settings.seed(), Seeds.Stream.FAKE_NOISE, round, partition));
        SplittableRandom instanceRandom = new SplittableRandom(
                Seeds.derive(settings.seed(), Seeds.Stream.INSTANCE_NOISE, round, partition));
        double instanceNoise = settings.instanceNoiseAt(round);
        int b = settings.batchSize();
        int classes = settings.classes();
        INDArray targets = Nd4j.vstack(
                Nd4j.valueArrayOf(new long[] {b, 1}, settings.realTarget(), DataType.FLOAT),
                Nd4j.valueArrayOf(new long[] {b, 1}, settings.fakeTarget(), DataType.FLOAT));
        List<MultiDataSet> batches = new ArrayList<>();
        for (int step = 0; step < settings.discriminatorStepsPerRound(); step++) {
            RealBatchSampler.Batch batch = real.next(b);
            INDArray realRows = NdArrays.floats(batch.features(), b, real.width());
            int[] labels = classes > 0 ? batch.labels() : null;
            // Training mode: batch normalisation uses this minibatch's statistics, as in the
            // generator phase, so the discriminator learns from the fakes the generator is
            // being trained to make, not from ones shaped by lagging running averages.
            INDArray fakeRows = g.output(true, GanInputs.of(noise.draw(b, noiseRandom), labels,
                    classes))[0].reshape('c', b, real.width());
            if (step == 0 && first != null) {
                first.accept(realRows, fakeRows, labels);
            }
            INDArray rows = Nd4j.vstack(realRows, fakeRows);
            if (instanceNoise > 0) {
                rows.addi(gaussian(rows.shape(), instanceNoise, instanceRandom));
            }
            int[] bothLabels = labels == null ? null : twice(labels);
            batches.add(new org.nd4j.linalg.dataset.MultiDataSet(
                    GanInputs.of(rows, bothLabels, classes), new INDArray[] {targets.dup()}));
        }
        return batches;
    }

    private static int[] twice(int[] labels) {
        int[] out = new int[2 * labels.length];
        System.arraycopy(labels, 0, out, 0, labels.length);
        System.arraycopy(labels, 0, out, labels.length, labels.length);
        return out;
    }

    private static INDArray gaussian(long[] shape, double sigma, SplittableRandom random) {
        float[] values = new float[(int) (shape[0] * shape[1])];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (sigma * NoiseSource.gaussian(random));
        }
        return NdArrays.floats(values, shape);
    }

    /**
     * Sums of the discriminator's outputs on probe minibatches, and of the mean pairwise
     * distances within real and within fake probe rows, gathered on the driver.
     */
    static final class DiscriminatorProbe implements java.io.Serializable {
        private static final long serialVersionUID = 2L;

        private final DoubleAccumulator realSum;
        private final DoubleAccumulator fakeSum;
        private final DoubleAccumulator count;
        private final DoubleAccumulator realSpread;
        private final DoubleAccumulator fakeSpread;

        DiscriminatorProbe(org.apache.spark.SparkContext spark, int round) {
            realSum = spark.doubleAccumulator("round " + round + " D(real) sum");
            fakeSum = spark.doubleAccumulator("round " + round + " D(fake) sum");
            count = spark.doubleAccumulator("round " + round + " probe rows");
            realSpread = spark.doubleAccumulator("round " + round + " real spread");
            fakeSpread = spark.doubleAccumulator("round " + round + " fake spread");
        }

        void measure(NetworkState state, INDArray realRows, INDArray fakeRows, int[] labels,
                     int classes) {
            ComputationGraph d = state.rebuildGraph();
            realSum.add(d.output(false, GanInputs.of(realRows, labels, classes))[0]
                    .sumNumber().doubleValue());
            fakeSum.add(d.output(false, GanInputs.of(fakeRows, labels, classes))[0]
                    .sumNumber().doubleValue());
            count.add(realRows.size(0));
            realSpread.add(Diversity.meanPairwiseDistance(realRows));
            fakeSpread.add(Diversity.meanPairwiseDistance(fakeRows));
        }

        double meanReal() {
            return count.value() == 0 ? Double.NaN : realSum.value() / count.value();
        }

        double meanFake() {
            return count.value() == 0 ? Double.NaN : fakeSum.value() / count.value();
        }

        /** Fakes' mean pairwise distance over the real rows', averaged over workers. */
        double diversityRatio() {
            return realSpread.value() > 0 ? fakeSpread.value() / realSpread.value() : Double.NaN;
        }
    }
}
