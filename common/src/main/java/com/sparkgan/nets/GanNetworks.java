package com.sparkgan.nets;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.api.Layer;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The three networks of a GAN, all assembled from one {@link GanArchitecture}:
 * <ul>
 *   <li>the generator (noise, and a label when conditional, to data), used for sampling;</li>
 *   <li>the discriminator (data, and the label, to a score), trained in the discriminator
 *   phase;</li>
 *   <li>the adversarial stack: the generator's layers followed by the discriminator's layers
 *   wrapped in {@link FrozenLayerWithBackprop}, with the generator's label fed to both, trained
 *   in the generator phase so that gradients reach the generator while the discriminator stays
 *   fixed.</li>
 * </ul>
 * A layer has the same name in every network, and parameters move between the networks layer
 * by layer under those names.
 */
public final class GanNetworks {
    /** Input names of the graphs. */
    public static final String NOISE = "noise";
    public static final String LABEL = "label";
    public static final String DATA = "data";
    /** The vertex where a conditional generator merges noise and label. */
    public static final String GENERATOR_INPUT = "g-input";

    private final GanArchitecture architecture;
    private final ComputationGraph generator;
    private final ComputationGraph discriminator;
    private final ComputationGraph adversarial;

    private GanNetworks(GanArchitecture architecture, ComputationGraph generator,
                        ComputationGraph discriminator, ComputationGraph adversarial) {
        this.architecture = architecture;
        this.generator = generator;
        this.discriminator = discriminator;
        this.adversarial = adversarial;
        if (generator.numParams() + discriminator.numParams() != adversarial.numParams()) {
            throw new IllegalStateException("the adversarial stack has "
                    + adversarial.numParams() + " parameters, not the generator's "
                    + generator.numParams() + " plus the discriminator's "
                    + discriminator.numParams());
        }
    }

    /** Builds and initialises the three networks; the stack starts in sync with both. */
    public static GanNetworks create(GanArchitecture architecture, NetworkSettings settings,
                                     long seed) {
        ComputationGraph generator = new ComputationGraph(generatorConfiguration(architecture,
                settings, seed));
        generator.init();
        ComputationGraph discriminator = new ComputationGraph(discriminatorConfiguration(
                architecture, settings, seed + 1));
        discriminator.init();
        ComputationGraph adversarial = new ComputationGraph(adversarialConfiguration(
                architecture, settings, seed));
        adversarial.init();
        return restore(architecture, generator, discriminator, adversarial);
    }

    /** Wraps networks restored from files and brings the stack in line with both. */
    public static GanNetworks restore(GanArchitecture architecture, ComputationGraph generator,
                                      ComputationGraph discriminator,
                                      ComputationGraph adversarial) {
        GanNetworks networks = new GanNetworks(architecture, generator, discriminator,
                adversarial);
        copyLayers(generator, adversarial);
        networks.discriminatorInAdversarial();
        return networks;
    }

    public static ComputationGraphConfiguration generatorConfiguration(
            GanArchitecture architecture, NetworkSettings settings, long seed) {
        GraphBuilder graph = builder(settings.generatorUpdater(), settings, seed)
                .graphBuilder();
        String output = architecture.addGenerator(graph, NOISE, addLabel(graph, architecture,
                NOISE, InputType.feedForward(architecture.latentSize())));
        return graph.setOutputs(output).build();
    }

    public static ComputationGraphConfiguration discriminatorConfiguration(
            GanArchitecture architecture, NetworkSettings settings, long seed) {
        GraphBuilder graph = builder(settings.discriminatorUpdater(), settings, seed)
                .graphBuilder();
        String label = addLabel(graph, architecture, DATA,
                InputType.feedForward(architecture.dataSize()));
        String output = architecture.addDiscriminator(graph, DATA, label,
                DiscriminatorHead.forDiscriminator(settings.loss()), UnaryOperator.identity());
        ComputationGraphConfiguration configuration = graph.setOutputs(output).build();
        if (settings.loss() == GanLoss.WASSERSTEIN) {
            clipEveryParameter(configuration, settings.weightClip());
        }
        return configuration;
    }

    /**
     * Puts the weight clip on every parameter of every layer; set on the built layers because
     * DL4J's graph builder does not hand global constraints down to them.
     */
    private static void clipEveryParameter(ComputationGraphConfiguration configuration,
                                           double limit) {
        for (GraphVertex vertex : configuration.getVertices().values()) {
            if (vertex instanceof LayerVertex layerVertex) {
                org.deeplearning4j.nn.conf.layers.Layer layer = layerVertex.getLayerConf()
                        .getLayer();
                List<String> keys = layer.initializer().paramKeys(layer);
                if (!keys.isEmpty()) {
                    WeightClip clip = new WeightClip(limit);
                    clip.setParams(new java.util.HashSet<>(keys));
                    layer.setConstraints(List.of(clip));
                }
            }
        }
    }

    public static ComputationGraphConfiguration adversarialConfiguration(
            GanArchitecture architecture, NetworkSettings settings, long seed) {
        GraphBuilder graph = builder(settings.generatorUpdater(), settings, seed)
                .graphBuilder();
        String label = addLabel(graph, architecture, NOISE,
                InputType.feedForward(architecture.latentSize()));
        String fakes = architecture.addGenerator(graph, NOISE, label);
        String output = architecture.addDiscriminator(graph, fakes, label,
                DiscriminatorHead.forGenerator(settings.loss()), GanNetworks::frozen);
        return graph.setOutputs(output).build();
    }

    /**
     * A discriminator layer as the generator phase sees it: frozen, and without dropout.
     * Frozen layers run their forward pass in inference mode, so dropout never draws a mask
     * there, yet DL4J's convolution layers ask for that mask on the way back; and dropout is
     * a regulariser of the discriminator's own training, which happens in its own phase.
     */
    private static org.deeplearning4j.nn.conf.layers.Layer frozen(
            org.deeplearning4j.nn.conf.layers.Layer layer) {
        layer.setIDropout(null);
        return new FrozenLayerWithBackprop(layer);
    }

    /** Declares the graph's inputs: the first one and, when conditional, the label. */
    private static String addLabel(GraphBuilder graph, GanArchitecture architecture,
                                   String first, InputType firstType) {
        if (!architecture.conditional()) {
            graph.addInputs(first).setInputTypes(firstType);
            return null;
        }
        graph.addInputs(first, LABEL).setInputTypes(firstType,
                InputType.feedForward(architecture.classCount()));
        return LABEL;
    }

    private static NeuralNetConfiguration.Builder builder(IUpdater updater,
                                                          NetworkSettings settings, long seed) {
        NeuralNetConfiguration.Builder builder = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(updater)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                // Convolutions keep their unfolded input from the forward pass for the
                // backward pass instead of unfolding it again: the same gradients, and the
                // plain DCGAN loop measured 1.25x faster on Fashion-MNIST (submit/bench.sh).
                .cacheMode(CacheMode.DEVICE);
        if (settings.gradientClip() > 0) {
            builder.gradientNormalization(GradientNormalization.ClipL2PerLayer)
                    .gradientNormalizationThreshold(settings.gradientClip());
        }
        return builder;
    }

    public GanArchitecture architecture() {
        return architecture;
    }

    public ComputationGraph generator() {
        return generator;
    }

    public ComputationGraph discriminator() {
        return discriminator;
    }

    public ComputationGraph adversarial() {
        return adversarial;
    }

    /** Copies the trained discriminator into the stack, before a generator phase. */
    public void discriminatorInAdversarial() {
        copyLayers(discriminator, adversarial);
    }

    /** Copies the stack's trained generator part into the generator, after a phase. */
    public void generatorFromAdversarial() {
        copyLayers(adversarial, generator);
    }

    /** Whether a generator (or stack) reads a class label beside the noise. */
    public static boolean isConditional(ComputationGraph generator) {
        return generator.getConfiguration().getNetworkInputs().contains(LABEL);
    }

    /**
     * The noise length a generator (or stack) reads: the input width of the layer reading the
     * noise, less the label width when the label is merged in ahead of it.
     *
     * @param classes the classes of a conditional generator (0 otherwise)
     */
    public static long latentSizeOf(ComputationGraph generator, int classes) {
        java.util.Map<String, List<String>> inputs = generator.getConfiguration()
                .getVertexInputs();
        String first = isConditional(generator) ? GENERATOR_INPUT : NOISE;
        for (Layer layer : generator.getLayers()) {
            String name = layer.conf().getLayer().getLayerName();
            if (inputs.getOrDefault(name, List.of()).contains(first)
                    && layer.conf().getLayer() instanceof FeedForwardLayer ff) {
                return ff.getNIn() - (isConditional(generator) ? classes : 0);
            }
        }
        throw new IllegalStateException("the generator has no layer reading its noise");
    }

    /** Names of the layers that hold parameters, in graph order. */
    public static List<String> parameterLayers(ComputationGraph network) {
        List<String> names = new ArrayList<>();
        for (Layer layer : network.getLayers()) {
            if (layer.numParams() > 0) {
                names.add(layer.conf().getLayer().getLayerName());
            }
        }
        return names;
    }

    /**
     * Copies every parameter layer of {@code to} that {@code from} also has, by name; the
     * stack shares its names with both standalone networks.
     */
    private static void copyLayers(ComputationGraph from, ComputationGraph to) {
        List<String> source = parameterLayers(from);
        for (String name : parameterLayers(to)) {
            if (source.contains(name)) {
                to.getLayer(name).params().assign(from.getLayer(name).params());
            }
        }
    }
}
