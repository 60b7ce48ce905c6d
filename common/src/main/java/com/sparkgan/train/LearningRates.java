package com.sparkgan.train;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Lowers the learning rates of a network's trained layers in place, as a rollback does.
 * dl4j-spark sends the network's configuration to the workers at every fit, so the lower
 * rates reach them from the next phase on, and checkpoints record them.
 */
final class LearningRates {
    private LearningRates() {
    }

    /**
     * Multiplies the learning rate of every layer whose name starts with {@code prefix}.
     *
     * @return the new learning rate of the first such layer (they share one)
     */
    static double scale(ComputationGraph network, String prefix, double factor) {
        double first = Double.NaN;
        for (Layer layer : network.getLayers()) {
            String name = layer.conf().getLayer().getLayerName();
            if (name.startsWith(prefix) && layer.conf().getLayer() instanceof BaseLayer base
                    && layer.numParams() > 0) {
                IUpdater updater = base.getIUpdater();
                double rate = updater.getLearningRate(0, 0) * factor;
                network.setLearningRate(name, rate);
                if (Double.isNaN(first)) {
                    first = rate;
                }
            }
        }
        return first;
    }
}
