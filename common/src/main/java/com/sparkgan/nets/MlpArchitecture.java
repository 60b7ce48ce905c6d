package com.sparkgan.nets;

import java.util.List;
import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;

/**
 * Fully connected generator and discriminator, for flat data of any width. When conditional,
 * the one-hot label is concatenated to the noise and to the data.
 */
public final class MlpArchitecture implements GanArchitecture {
    private final int latentSize;
    private final int dataSize;
    private final int classCount;
    private final List<Integer> generatorWidths;
    private final List<Integer> discriminatorWidths;
    private final DiscriminatorOptions options;

    public MlpArchitecture(int latentSize, int dataSize, int classCount,
                           List<Integer> generatorWidths, List<Integer> discriminatorWidths,
                           DiscriminatorOptions options) {
        this.latentSize = latentSize;
        this.dataSize = dataSize;
        this.classCount = classCount;
        this.generatorWidths = List.copyOf(generatorWidths);
        this.discriminatorWidths = List.copyOf(discriminatorWidths);
        this.options = options;
    }

    @Override
    public int latentSize() {
        return latentSize;
    }

    @Override
    public int dataSize() {
        return dataSize;
    }

    @Override
    public int classCount() {
        return classCount;
    }

    @Override
    public String addGenerator(GraphBuilder graph, String noise, String label) {
        // [noise (+ one-hot)] -> ReLU hidden layers -> tanh [dataSize]
        String previous = noise;
        if (conditional()) {
            graph.addVertex(GanNetworks.GENERATOR_INPUT, new MergeVertex(), noise, label);
            previous = GanNetworks.GENERATOR_INPUT;
        }
        for (int i = 0; i < generatorWidths.size(); i++) {
            String name = "g-dense" + i;
            graph.addLayer(name, new DenseLayer.Builder().nOut(generatorWidths.get(i))
                    .activation(Activation.RELU).weightInit(WeightInit.RELU).build(), previous);
            previous = name;
        }
        graph.addLayer("g-out", new DenseLayer.Builder().nOut(dataSize)
                .activation(Activation.TANH).weightInit(WeightInit.XAVIER).build(), previous);
        return "g-out";
    }

    @Override
    public String addDiscriminator(GraphBuilder graph, String data, String label,
                                   DiscriminatorHead head, UnaryOperator<Layer> wrap) {
        // [data (+ one-hot)] -> LeakyReLU hidden layers (dropout after each) -> score
        String previous = data;
        if (conditional()) {
            graph.addVertex("d-input", new MergeVertex(), data, label);
            previous = "d-input";
        }
        for (int i = 0; i < discriminatorWidths.size(); i++) {
            String name = "d-dense" + i;
            DenseLayer.Builder layer = new DenseLayer.Builder().nOut(discriminatorWidths.get(i))
                    .activation(new ActivationLReLU(options.leakySlope()))
                    .weightInit(WeightInit.RELU);
            graph.addLayer(name, wrap.apply(options.dropoutAfterFirst(layer.build(), i)),
                    previous);
            previous = name;
        }
        Layer output = head.layer(WeightInit.XAVIER.getWeightInitFunction());
        graph.addLayer("d-out", wrap.apply(options.dropoutAfterFirst(output,
                discriminatorWidths.size())), previous);
        return "d-out";
    }

    @Override
    public String name() {
        return "mlp";
    }
}
