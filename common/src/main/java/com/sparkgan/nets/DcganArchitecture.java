package com.sparkgan.nets;

import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.weights.WeightInitDistribution;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;

/**
 * A DCGAN for single-channel images whose sides are multiples of 4 (28x28 Fashion-MNIST,
 * 8x8 digits): the generator upsamples twice with stride-2 transposed convolutions and batch
 * normalisation; the discriminator downsamples twice with stride-2 convolutions and LeakyReLU,
 * without batch normalisation, so that freezing it freezes everything it has.
 *
 * <p>When conditional, the one-hot label joins the noise at the generator's input, and in the
 * discriminator a learned dense map turns it into a second image channel beside the data (a
 * label "image" the convolutions read together with the pixels).
 */
public final class DcganArchitecture implements GanArchitecture {
    private static final int KERNEL = 4;
    private static final WeightInitDistribution DCGAN_INIT =
            new WeightInitDistribution(new NormalDistribution(0, 0.02));

    private final int latentSize;
    private final int height;
    private final int width;
    private final int classCount;
    private final int generatorFilters;
    private final int discriminatorFilters;
    private final DiscriminatorOptions options;
    private final boolean resizeUpsampling;

    /**
     * @param resizeUpsampling upsample by repeating pixels and a 3x3 convolution instead of a
     *                         stride-2 transposed convolution (more arithmetic, no
     *                         checkerboard)
     */
    public DcganArchitecture(int latentSize, int height, int width, int classCount,
                             int generatorFilters, int discriminatorFilters,
                             DiscriminatorOptions options, boolean resizeUpsampling) {
        this.resizeUpsampling = resizeUpsampling;
        if (height % 4 != 0 || width % 4 != 0) {
            throw new IllegalArgumentException("the DCGAN needs image sides that are multiples "
                    + "of 4, not " + height + "x" + width);
        }
        this.latentSize = latentSize;
        this.height = height;
        this.width = width;
        this.classCount = classCount;
        this.generatorFilters = generatorFilters;
        this.discriminatorFilters = discriminatorFilters;
        this.options = options;
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
    public int classCount() {
        return classCount;
    }

    @Override
    public String addGenerator(GraphBuilder graph, String noise, String label) {
        String input = noise;
        if (conditional()) {
            graph.addVertex(GanNetworks.GENERATOR_INPUT, new MergeVertex(), noise, label);
            input = GanNetworks.GENERATOR_INPUT;
        }
        int seedChannels = 2 * generatorFilters;
        // [noise] -> [2F * H/4 * W/4], reshaped to 2F x H/4 x W/4 before the first upsampling
        graph.addLayer("g-project", new DenseLayer.Builder()
                .nOut(seedChannels * (height / 4) * (width / 4))
                .activation(Activation.IDENTITY).weightInit(DCGAN_INIT).build(), input);
        graph.addLayer("g-bn0", new BatchNormalization.Builder().build(), "g-project");
        graph.addLayer("g-relu0", relu(), "g-bn0");
        // 2F x H/4 x W/4 -> F x H/2 x W/2
        graph.addVertex("g-seed", new PreprocessorVertex(new FeedForwardToCnnPreProcessor(
                height / 4, width / 4, seedChannels)), "g-relu0");
        String up1 = addUpsampling(graph, "g-up1", "g-seed", generatorFilters,
                Activation.IDENTITY);
        graph.addLayer("g-bn1", new BatchNormalization.Builder().build(), up1);
        graph.addLayer("g-relu1", relu(), "g-bn1");
        // F x H/2 x W/2 -> 1 x H x W in [-1, 1], handed on as flat rows like the data
        String up2 = addUpsampling(graph, "g-up2", "g-relu1", 1, Activation.TANH);
        graph.addVertex("g-out", new PreprocessorVertex(
                new CnnToFeedForwardPreProcessor(height, width, 1)), up2);
        return "g-out";
    }

    private static Layer relu() {
        return new ActivationLayer.Builder().activation(Activation.RELU).build();
    }

    /** Doubles both sides of the image; returns the name of the last vertex added. */
    private String addUpsampling(GraphBuilder graph, String name, String input, int channels,
                                 Activation activation) {
        if (!resizeUpsampling) {
            graph.addLayer(name, new Deconvolution2D.Builder(KERNEL, KERNEL).stride(2, 2)
                    .nOut(channels).convolutionMode(ConvolutionMode.Same)
                    .activation(activation).weightInit(DCGAN_INIT).build(), input);
            return name;
        }
        graph.addLayer(name + "-resize", new Upsampling2D.Builder(2).build(), input);
        graph.addLayer(name, new ConvolutionLayer.Builder(3, 3).stride(1, 1).nOut(channels)
                .convolutionMode(ConvolutionMode.Same).activation(activation)
                .weightInit(DCGAN_INIT).build(), name + "-resize");
        return name;
    }

    @Override
    public String addDiscriminator(GraphBuilder graph, String data, String label,
                                   DiscriminatorHead head, UnaryOperator<Layer> wrap) {
        graph.addVertex("d-image", new PreprocessorVertex(
                new FeedForwardToCnnPreProcessor(height, width, 1)), data);
        String input = "d-image";
        if (conditional()) {
            graph.addLayer("d-label-map", wrap.apply(new DenseLayer.Builder()
                    .nOut(height * width).activation(Activation.IDENTITY)
                    .weightInit(DCGAN_INIT).build()), label);
            graph.addVertex("d-label-image", new PreprocessorVertex(
                    new FeedForwardToCnnPreProcessor(height, width, 1)), "d-label-map");
            graph.addVertex("d-input", new MergeVertex(), "d-image", "d-label-image");
            input = "d-input";
        }
        // C x H x W -> F x H/2 x W/2 -> 2F x H/4 x W/4 -> score
        graph.addLayer("d-down1", wrap.apply(downsample(discriminatorFilters)), input);
        graph.addLayer("d-down2", wrap.apply(options.dropoutAfterFirst(
                downsample(2 * discriminatorFilters), 1)), "d-down1");
        graph.addLayer("d-out", wrap.apply(options.dropoutAfterFirst(head.layer(DCGAN_INIT),
                2)), "d-down2");
        return "d-out";
    }

    private Layer downsample(int channels) {
        return new ConvolutionLayer.Builder(KERNEL, KERNEL).stride(2, 2).nOut(channels)
                .convolutionMode(ConvolutionMode.Same)
                .activation(new ActivationLReLU(options.leakySlope())).weightInit(DCGAN_INIT)
                .build();
    }

    @Override
    public String name() {
        return "dcgan";
    }
}
