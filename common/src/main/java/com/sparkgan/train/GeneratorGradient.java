package com.sparkgan.train;

import com.sparkgan.nets.GanInputs;
import com.sparkgan.nets.GanNetworks;
import java.util.Map;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The L2 norm of the generator's loss gradient on one seeded minibatch of noise, measured on
 * the driver after a round: when the discriminator wins outright this norm collapses towards
 * 0 and the generator stops learning (vanishing gradients). Computing a gradient does not
 * change any parameter.
 */
final class GeneratorGradient {
    private GeneratorGradient() {
    }

    static double norm(GanNetworks networks, NoiseSource noise, TrainingSettings settings,
                       int round) {
        SplittableRandom random = new SplittableRandom(
                Seeds.derive(settings.seed(), Seeds.Stream.GUARD_PROBE, round, 0));
        int b = settings.batchSize();
        int[] labels = null;
        if (settings.conditional()) {
            labels = new int[b];
            for (int i = 0; i < b; i++) {
                labels[i] = i % settings.classes();
            }
        }
        ComputationGraph stack = networks.adversarial();
        stack.setInputs(GanInputs.of(noise.draw(b, random), labels, settings.classes()));
        stack.setLabels(Nd4j.valueArrayOf(new long[] {b, 1}, settings.generatorTarget(),
                DataType.FLOAT));
        stack.computeGradientAndScore();
        double squares = 0;
        for (Map.Entry<String, INDArray> entry
                : stack.gradient().gradientForVariable().entrySet()) {
            String variable = entry.getKey();
            // Batch normalisation's running statistics are not learned through the gradient.
            if (variable.startsWith("g-") && !variable.endsWith("_mean")
                    && !variable.endsWith("_var") && !variable.endsWith("_log10stdev")) {
                double n = entry.getValue().norm2Number().doubleValue();
                squares += n * n;
            }
        }
        stack.clear();
        return Math.sqrt(squares);
    }
}
