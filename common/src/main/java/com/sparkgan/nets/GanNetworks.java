package com.sparkgan.nets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The three networks of a GAN, all assembled from one {@link GanArchitecture}:
 * <ul>
 *   <li>the generator (noise to data), used for sampling;</li>
 *   <li>the discriminator (data to probability of real), trained in the discriminator phase;
 *   </li>
 *   <li>the adversarial stack: the generator's layers followed by the discriminator's layers
 *   wrapped in {@link FrozenLayerWithBackprop}, trained in the generator phase so that
 *   gradients reach the generator while the discriminator stays fixed.</li>
 * </ul>
 * The stack's parameter vector is the generator's followed by the discriminator's, so
 * parameters move between the networks as two whole views of that vector.
 */
public final class GanNetworks {
    private final GanArchitecture architecture;
    private final MultiLayerNetwork generator;
    private final MultiLayerNetwork discriminator;
    private final MultiLayerNetwork adversarial;

    private GanNetworks(GanArchitecture architecture, MultiLayerNetwork generator,
                        MultiLayerNetwork discriminator, MultiLayerNetwork adversarial) {
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
    public static GanNetworks create(GanArchitecture architecture, IUpdater generatorUpdater,
                                     IUpdater discriminatorUpdater, long seed) {
        MultiLayerNetwork generator = new MultiLayerNetwork(generatorConfiguration(
                architecture, generatorUpdater, seed));
        generator.init();
        MultiLayerNetwork discriminator = new MultiLayerNetwork(assemble(
                architecture.discriminatorLayers(), Map.of(), architecture.dataInputType(),
                discriminatorUpdater, seed + 1));
        discriminator.init();
        MultiLayerNetwork adversarial = new MultiLayerNetwork(adversarialConfiguration(
                architecture, generatorUpdater, seed));
        adversarial.init();
        GanNetworks networks = new GanNetworks(architecture, generator, discriminator,
                adversarial);
        networks.generatorView().assign(generator.params());
        networks.discriminatorInAdversarial();
        return networks;
    }

    /** Wraps networks restored from files; the stack is re-derived from the architecture. */
    public static GanNetworks restore(GanArchitecture architecture, MultiLayerNetwork generator,
                                      MultiLayerNetwork discriminator,
                                      MultiLayerNetwork adversarial) {
        GanNetworks networks = new GanNetworks(architecture, generator, discriminator,
                adversarial);
        networks.generatorView().assign(generator.params());
        networks.discriminatorInAdversarial();
        return networks;
    }

    public static MultiLayerConfiguration generatorConfiguration(GanArchitecture architecture,
                                                                 IUpdater updater, long seed) {
        return assemble(architecture.generatorLayers(), architecture.generatorPreProcessors(),
                InputType.feedForward(architecture.latentSize()), updater, seed);
    }

    public static MultiLayerConfiguration adversarialConfiguration(GanArchitecture architecture,
                                                                   IUpdater updater, long seed) {
        List<Layer> layers = new ArrayList<>(architecture.generatorLayers());
        for (Layer layer : architecture.discriminatorLayers()) {
            layers.add(new FrozenLayerWithBackprop(layer));
        }
        return assemble(layers, architecture.generatorPreProcessors(),
                InputType.feedForward(architecture.latentSize()), updater, seed);
    }

    private static MultiLayerConfiguration assemble(List<Layer> layers,
                                                    Map<Integer, InputPreProcessor> reshapes,
                                                    InputType input, IUpdater updater,
                                                    long seed) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(updater)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .list();
        for (int i = 0; i < layers.size(); i++) {
            list.layer(i, layers.get(i));
        }
        reshapes.forEach(list::inputPreProcessor);
        return list.setInputType(input).build();
    }

    public GanArchitecture architecture() {
        return architecture;
    }

    public MultiLayerNetwork generator() {
        return generator;
    }

    public MultiLayerNetwork discriminator() {
        return discriminator;
    }

    public MultiLayerNetwork adversarial() {
        return adversarial;
    }

    /** Copies the trained discriminator into the stack, before a generator phase. */
    public void discriminatorInAdversarial() {
        discriminatorView().assign(discriminator.params());
    }

    /** Copies the stack's trained generator part into the generator, after a phase. */
    public void generatorFromAdversarial() {
        generator.params().assign(generatorView());
    }

    /** The generator's part of the stack's parameters, as a view. */
    public INDArray generatorView() {
        return slice(adversarial.params(), 0, generator.numParams());
    }

    /** The discriminator's part of the stack's parameters, as a view. */
    public INDArray discriminatorView() {
        return slice(adversarial.params(), generator.numParams(), adversarial.numParams());
    }

    /** A view of elements [from, to) of a flattened parameter vector (a [1, n] row). */
    private static INDArray slice(INDArray flat, long from, long to) {
        return flat.rank() == 2
                ? flat.get(NDArrayIndex.all(), NDArrayIndex.interval(from, to))
                : flat.get(NDArrayIndex.interval(from, to));
    }
}
