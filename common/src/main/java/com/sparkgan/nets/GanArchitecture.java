package com.sparkgan.nets;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;

/**
 * The layers of a generator and a discriminator, each defined once. {@link GanNetworks}
 * assembles from them the standalone networks and the generator + frozen-discriminator stack,
 * so no layer stack is ever written twice. Every call returns fresh layer configurations,
 * because DL4J fills in input sizes on the objects it is given.
 */
public interface GanArchitecture {
    /** Length of the noise vector the generator reads. */
    int latentSize();

    /** Values in one data example, which the generator writes and the discriminator reads. */
    int dataSize();

    /** Generator layers, from noise to a data example with tanh values in [-1, 1]. */
    List<Layer> generatorLayers();

    /** Reshapes inside the generator that DL4J cannot infer, keyed by layer index. */
    Map<Integer, InputPreProcessor> generatorPreProcessors();

    /** Discriminator layers, from a data example to the probability that it is real. */
    List<Layer> discriminatorLayers();

    /** The discriminator's input as data arrives: flat rows of {@link #dataSize()} values. */
    InputType dataInputType();

    /** A short name for logs and manifests. */
    String name();
}
