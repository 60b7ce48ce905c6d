package com.sparkgan.train;

import com.sparkgan.data.ExampleBlock;
import com.sparkgan.nets.GanInputs;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.util.DoubleAccumulator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs inside each partition: draws the generator phase's noise (and, when conditional,
 * labels uniformly over the classes) locally, with the objective's generator target, which
 * trained through the frozen discriminator is the generator's loss. The partition's real
 * examples are not read, only its position.
 */
final class GeneratorBatches
        implements Function2<Integer, Iterator<ExampleBlock>, Iterator<MultiDataSet>> {
    private static final long serialVersionUID = 2L;

    private final NoiseSource noise;
    private final TrainingSettings settings;
    private final int round;
    private final DoubleAccumulator buildMs;

    /**
     * @param buildMs receives the milliseconds each partition spends making its minibatches,
     *                or null
     */
    GeneratorBatches(NoiseSource noise, TrainingSettings settings, int round,
                     DoubleAccumulator buildMs) {
        this.noise = noise;
        this.settings = settings;
        this.round = round;
        this.buildMs = buildMs;
    }

    @Override
    public Iterator<MultiDataSet> call(Integer partition, Iterator<ExampleBlock> shard) {
        long started = System.nanoTime();
        SplittableRandom random = new SplittableRandom(
                Seeds.derive(settings.seed(), Seeds.Stream.GENERATOR_NOISE, round, partition));
        SplittableRandom labelRandom = new SplittableRandom(
                Seeds.derive(settings.seed(), Seeds.Stream.GENERATOR_LABELS, round, partition));
        int b = settings.batchSize();
        INDArray target = Nd4j.valueArrayOf(new long[] {b, 1}, settings.generatorTarget(),
                DataType.FLOAT);
        List<MultiDataSet> batches = new ArrayList<>();
        for (int step = 0; step < settings.localSteps(); step++) {
            INDArray z = noise.draw(b, random);
            int[] labels = settings.conditional() ? uniformLabels(b, labelRandom) : null;
            batches.add(new org.nd4j.linalg.dataset.MultiDataSet(
                    GanInputs.of(z, labels, settings.classes()), new INDArray[] {target.dup()}));
        }
        if (buildMs != null) {
            buildMs.add((System.nanoTime() - started) / 1e6);
        }
        return batches.iterator();
    }

    private int[] uniformLabels(int count, SplittableRandom random) {
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = random.nextInt(settings.classes());
        }
        return labels;
    }
}
