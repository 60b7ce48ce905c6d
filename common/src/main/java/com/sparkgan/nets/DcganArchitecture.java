package com.sparkgan.nets;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.weights.WeightInitDistribution;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * A DCGAN for single-channel images whose sides are multiples of 4 (28x28 Fashion-MNIST,
 * 8x8 digits): the generator upsamples twice with stride-2 transposed convolutions and batch
 * normalisation; the discriminator downsamples twice with stride-2 convolutions and LeakyReLU,
 * without batch normalisation, so that freezing it freezes everything it has.
 */
public final class DcganArchitecture implements GanArchitecture {
    private static final int KERNEL = 4;
    private static final WeightInitDistribution DCGAN_INIT =
            new WeightInitDistribution(new NormalDistribution(0, 0.02));

    private final int latentSize;
    private final int height;
    private final int width;
    private final int generatorFilters;
    private final int discriminatorFilters;
    private final double leakySlope;

    public DcganArchitecture(int latentSize, int height, int width, int generatorFilters,
                             int discriminatorFilters, double leakySlope) {
        if (height % 4 != 0 || width % 4 != 0) {
            throw new IllegalArgumentException("the DCGAN needs image sides that are multiples "
                    + "of 4, not " + height + "x" + width);
        }
        this.latentSize = latentSize;
        this.height = height;
        this.width = width;
        this.generatorFilters = generatorFilters;
        this.discriminatorFilters = discriminatorFilters;
        this.leakySlope = leakySlope;
    }

    @Override
    public int latentSize() {
        return latentSize;
    }

    @Override
    public int dataSize() {
        return height * width;
    }

    @Override
    public List<Layer> generatorLayers() {
        int seedChannels = 2 * generatorFilters;
        return List.of(
                // noise [latent] -> [2F * H/4 * W/4], reshaped to 2F x H/4 x W/4 below
                new DenseLayer.Builder().nOut(seedChannels * (height / 4) * (width / 4))
                        .activation(Activation.IDENTITY).weightInit(DCGAN_INIT).build(),
                new BatchNormalization.Builder().build(),
                new ActivationLayer.Builder().activation(Activation.RELU).build(),
                // 2F x H/4 x W/4 -> F x H/2 x W/2
                new Deconvolution2D.Builder(KERNEL, KERNEL).stride(2, 2).nOut(generatorFilters)
                        .convolutionMode(ConvolutionMode.Same).activation(Activation.IDENTITY)
                        .weightInit(DCGAN_INIT).build(),
                new BatchNormalization.Builder().build(),
                new ActivationLayer.Builder().activation(Activation.RELU).build(),
                // F x H/2 x W/2 -> 1 x H x W in [-1, 1]
                new Deconvolution2D.Builder(KERNEL, KERNEL).stride(2, 2).nOut(1)
                        .convolutionMode(ConvolutionMode.Same).activation(Activation.TANH)
                        .weightInit(DCGAN_INIT).build());
    }

    @Override
    public Map<Integer, InputPreProcessor> generatorPreProcessors() {
        return Map.of(3, new FeedForwardToCnnPreProcessor(height / 4, width / 4,
                2L * generatorFilters));
    }

    @Override
    public List<Layer> discriminatorLayers() {
        return List.of(
                // 1 x H x W -> F x H/2 x W/2
                new ConvolutionLayer.Builder(KERNEL, KERNEL).stride(2, 2)
                        .nOut(discriminatorFilters).convolutionMode(ConvolutionMode.Same)
                        .activation(new ActivationLReLU(leakySlope)).weightInit(DCGAN_INIT)
                        .build(),
                // F x H/2 x W/2 -> 2F x H/4 x W/4
                new ConvolutionLayer.Builder(KERNEL, KERNEL).stride(2, 2)
                        .nOut(2 * discriminatorFilters).convolutionMode(ConvolutionMode.Same)
                        .activation(new ActivationLReLU(leakySlope)).weightInit(DCGAN_INIT)
                        .build(),
                // flattened -> probability of being real
                new OutputLayer.Builder(LossFunction.XENT).nOut(1)
                        .activation(Activation.SIGMOID).weightInit(DCGAN_INIT).build());
    }

    @Override
    public InputType dataInputType() {
        return InputType.convolutionalFlat(height, width, 1);
    }

    @Override
    public String name() {
        return "dcgan";
    }
}
