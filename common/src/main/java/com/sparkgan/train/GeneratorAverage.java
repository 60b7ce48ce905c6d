package com.sparkgan.train;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An exponential moving average of the generator's weights, kept on the driver across
 * rounds: after each round {@code average = decay * average + (1 - decay) * weights}. Samples
 * from the averaged weights are usually smoother and less oscillating than those of the last
 * round's weights. Batch normalisation's running statistics are averaged with the rest.
 */
public final class GeneratorAverage {
    private final double decay;
    private final ComputationGraph averaged;

    private GeneratorAverage(ComputationGraph averaged, double decay) {
        if (!(decay > 0 && decay < 1)) {
            throw new IllegalArgumentException("decay must be in (0, 1), not " + decay);
        }
        this.decay = decay;
        this.averaged = averaged;
    }

    /** Starts the average at the generator's current weights. */
    public static GeneratorAverage startingAt(ComputationGraph generator, double decay) {
        return new GeneratorAverage(generator.clone(), decay);
    }

    /** Continues an average saved earlier, such as a checkpoint's averaged generator. */
    public static GeneratorAverage resumed(ComputationGraph saved, double decay) {
        return new GeneratorAverage(saved, decay);
    }

    /** Folds the generator's current weights into the average. */
    public void update(ComputationGraph generator) {
        INDArray average = averaged.params();
        average.muli(decay).addi(generator.params().mul(1.0 - decay));
    }

    /** The generator with the averaged weights, for sampling; not to be trained. */
    public ComputationGraph network() {
        return averaged;
    }

    public double decay() {
        return decay;
    }
}
