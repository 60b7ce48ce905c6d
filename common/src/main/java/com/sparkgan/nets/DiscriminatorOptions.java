package com.sparkgan.nets;

import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.Layer;

/**
 * Choices shared by every discriminator.
 *
 * @param leakySlope negative slope of the LeakyReLU activations
 * @param dropout probability of dropping each hidden activation while training (0: none)
 */
public record DiscriminatorOptions(double leakySlope, double dropout) {

    /**
     * Sets dropout on a layer's input unless it is the first layer, whose input is the data:
     * DL4J drops a layer's inputs, so this drops the activations of every hidden layer.
     */
    Layer dropoutAfterFirst(Layer layer, int index) {
        if (index > 0 && dropout > 0) {
            // DL4J's argument is the probability of keeping an activation.
            layer.setIDropout(new Dropout(1.0 - dropout));
        }
        return layer;
    }
}
