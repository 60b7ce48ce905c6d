package com.sparkgan.train;

import com.sparkgan.data.ExampleBlock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.Function2;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs inside each partition: draws the generator phase's noise locally and labels it "real",
 * which trained through the frozen discriminator is the non-saturating generator loss
 * -log D(G(z)). The partition's real examples are not read, only its position.
 */
final class GeneratorBatches
        implements Function2<Integer, Iterator<ExampleBlock>, Iterator<DataSet>> {
    private static final long serialVersionUID = 1L;

    private final NoiseSource noise;
    private final TrainingSettings settings;
    private final int round;

    GeneratorBatches(NoiseSource noise, TrainingSettings settings, int round) {
        this.noise = noise;
        this.settings = settings;
        this.round = round;
    }

    @Override
    public Iterator<DataSet> call(Integer partition, Iterator<ExampleBlock> shard) {
        SplittableRandom random = new SplittableRandom(
                Seeds.derive(settings.seed(), Seeds.Stream.GENERATOR_NOISE, round, partition));
        int b = settings.batchSize();
        INDArray target = Nd4j.ones(org.nd4j.linalg.api.buffer.DataType.FLOAT, b, 1);
        List<DataSet> batches = new ArrayList<>();
        for (int step = 0; step < settings.localSteps(); step++) {
            batches.add(new DataSet(noise.draw(b, random), target.dup()));
        }
        return batches.iterator();
    }
}
