package com.sparkgan.train;

import java.io.Serializable;
import java.util.Map;
import org.apache.spark.util.DoubleAccumulator;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Measures, inside each worker of the generator phase, the L2 norm of the generator's loss
 * gradient at the phase's first step, before the optimiser turns the gradient into an update.
 * When the discriminator wins outright this norm collapses towards 0 and the generator stops
 * learning (vanishing gradients).
 *
 * <p>The gradient is the one the step computes anyway, so the measurement costs one norm per
 * worker and round instead of an extra forward and backward pass of the whole stack.
 * dl4j-spark ships a fresh copy of the listener with every task, so each worker measures
 * exactly once per phase; the accumulator's average is the mean over workers.
 */
final class GeneratorGradientListener extends BaseTrainingListener implements Serializable {
    private static final long serialVersionUID = 1L;

    private final DoubleAccumulator norms;
    private boolean measured;

    GeneratorGradientListener(DoubleAccumulator norms) {
        this.norms = norms;
    }

    @Override
    public void onGradientCalculation(Model model) {
        if (measured) {
            return;
        }
        measured = true;
        norms.add(generatorNorm(model.gradient().gradientForVariable()));
    }

    /** The norm over the generator's variables of a gradient of the adversarial stack. */
    static double generatorNorm(Map<String, INDArray> gradient) {
        double squares = 0;
        for (Map.Entry<String, INDArray> entry : gradient.entrySet()) {
            String variable = entry.getKey();
            // Batch normalisation's running statistics are not learned through the gradient.
            if (variable.startsWith("g-") && !variable.endsWith("_mean")
                    && !variable.endsWith("_var") && !variable.endsWith("_log10stdev")) {
                double n = entry.getValue().norm2Number().doubleValue();
                squares += n * n;
            }
        }
        return Math.sqrt(squares);
    }
}
