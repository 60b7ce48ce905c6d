package com.sparkgan.bench;

import com.sparkgan.nets.GanNetworks;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;

/**
 * Floating-point operations of the networks, estimated from their layer shapes: a
 * multiply-add counts 2; dense layers cost 2 nIn nOut, convolutions 2 k^2 Cin Cout per
 * output pixel, transposed convolutions 2 k^2 Cin Cout per input pixel; element-wise layers
 * (activations, batch normalisation) are left out, as they are small beside these.
 */
final class FlopCount {
    private FlopCount() {
    }

    /** Forward operations for one example through a graph with these input types. */
    static double forward(ComputationGraphConfiguration configuration, InputType... inputs) {
        Map<String, InputType> outputs = configuration.getLayerActivationTypes(inputs);
        List<String> names = configuration.getNetworkInputs();
        Map<String, List<String>> edges = configuration.getVertexInputs();
        double flops = 0;
        for (Map.Entry<String, GraphVertex> entry : configuration.getVertices().entrySet()) {
            if (!(entry.getValue() instanceof LayerVertex vertex)) {
                continue;
            }
            Layer layer = vertex.getLayerConf().getLayer();
            String source = edges.get(entry.getKey()).get(0);
            InputType in = names.contains(source)
                    ? inputs[names.indexOf(source)] : outputs.get(source);
            InputType out = outputs.get(entry.getKey());
            flops += layerFlops(layer, in, out);
        }
        return flops;
    }

    private static double layerFlops(Layer layer, InputType in, InputType out) {
        // a transposed convolution is a ConvolutionLayer too, so it is matched first
        if (layer instanceof Deconvolution2D deconv
                && in instanceof InputType.InputTypeConvolutional c) {
            int[] k = deconv.getKernelSize();
            return 2.0 * k[0] * k[1] * deconv.getNIn() * deconv.getNOut() * c.getHeight()
                    * c.getWidth();
        }
        if (layer instanceof ConvolutionLayer conv
                && out instanceof InputType.InputTypeConvolutional c) {
            int[] k = conv.getKernelSize();
            return 2.0 * k[0] * k[1] * conv.getNIn() * conv.getNOut() * c.getHeight()
                    * c.getWidth();
        }
        if (layer instanceof FeedForwardLayer dense && !(layer instanceof ConvolutionLayer)
                && !(layer instanceof org.deeplearning4j.nn.conf.layers.BatchNormalization)) {
            return 2.0 * dense.getNIn() * dense.getNOut();
        }
        return 0;
    }

    /**
     * Operations per real example of one training round, with one discriminator step per
     * generator step: the discriminator phase makes one fake (generator forward) and trains
     * on a real and a fake row (3 discriminator passes each: forward, input and weight
     * gradients); the generator phase trains on one noise row through the stack (3 passes of
     * each network).
     */
    static double perRealExample(double generatorForward, double discriminatorForward) {
        return generatorForward + 6 * discriminatorForward
                + 3 * generatorForward + 3 * discriminatorForward;
    }

    /** Forward operations of the generator and the discriminator of {@code networks}. */
    static double[] forward(GanNetworks networks) {
        int latent = networks.architecture().latentSize();
        int data = networks.architecture().dataSize();
        int classes = networks.architecture().classCount();
        InputType label = InputType.feedForward(Math.max(classes, 1));
        InputType[] gIn = classes > 0
                ? new InputType[] {InputType.feedForward(latent), label}
                : new InputType[] {InputType.feedForward(latent)};
        InputType[] dIn = classes > 0
                ? new InputType[] {InputType.feedForward(data), label}
                : new InputType[] {InputType.feedForward(data)};
        return new double[] {forward(networks.generator().getConfiguration(), gIn),
                forward(networks.discriminator().getConfiguration(), dIn)};
    }
}
