package com.sparkgan.nets;

import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * The discriminator's last layer as the GAN objective wants it: one output with the
 * objective's activation, and the loss of the phase being trained.
 */
public record DiscriminatorHead(IActivation activation, ILossFunction loss) {

    public static DiscriminatorHead forDiscriminator(GanLoss objective) {
        return new DiscriminatorHead(objective.activation(), objective.discriminatorLoss());
    }

    public static DiscriminatorHead forGenerator(GanLoss objective) {
        return new DiscriminatorHead(objective.activation(), objective.generatorLoss());
    }

    OutputLayer layer(IWeightInit init) {
        return new OutputLayer.Builder(loss).nOut(1).activation(activation).weightInit(init)
                .build();
    }
}
