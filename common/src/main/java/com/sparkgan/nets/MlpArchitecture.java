package com.sparkgan.nets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** Fully connected generator and discriminator, for flat data of any width. */
public final class MlpArchitecture implements GanArchitecture {
    private final int latentSize;
    private final int dataSize;
    private final List<Integer> generatorWidths;
    private final List<Integer> discriminatorWidths;
    private final double leakySlope;

    public MlpArchitecture(int latentSize, int dataSize, List<Integer> generatorWidths,
                           List<Integer> discriminatorWidths, double leakySlope) {
        this.latentSize = latentSize;
        this.dataSize = dataSize;
        this.generatorWidths = List.copyOf(generatorWidths);
        this.discriminatorWidths = List.copyOf(discriminatorWidths);
        this.leakySlope = leakySlope;
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
    public List<Layer> generatorLayers() {
        // noise [latent] -> ReLU hidden layers -> tanh [dataSize]
        List<Layer> layers = new ArrayList<>();
        for (int width : generatorWidths) {
            layers.add(new DenseLayer.Builder().nOut(width).activation(Activation.RELU)
                    .weightInit(WeightInit.RELU).build());
        }
        layers.add(new DenseLayer.Builder().nOut(dataSize).activation(Activation.TANH)
                .weightInit(WeightInit.XAVIER).build());
        return layers;
    }

    @Override
    public Map<Integer, InputPreProcessor> generatorPreProcessors() {
        return Map.of();
    }

    @Override
    public List<Layer> discriminatorLayers() {
        // data [dataSize] -> LeakyReLU hidden layers -> sigmoid [1]
        List<Layer> layers = new ArrayList<>();
        for (int width : discriminatorWidths) {
            layers.add(new DenseLayer.Builder().nOut(width)
                    .activation(new ActivationLReLU(leakySlope))
                    .weightInit(WeightInit.RELU).build());
        }
        layers.add(new OutputLayer.Builder(LossFunction.XENT).nOut(1)
                .activation(Activation.SIGMOID).weightInit(WeightInit.XAVIER).build());
        return layers;
    }

    @Override
    public InputType dataInputType() {
        return InputType.feedForward(dataSize);
    }

    @Override
    public String name() {
        return "mlp";
    }
}
