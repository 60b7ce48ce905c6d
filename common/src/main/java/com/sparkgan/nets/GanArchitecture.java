package com.sparkgan.nets;

import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.layers.Layer;

/**
 * The layers of a generator and a discriminator, each defined once as a piece of a
 * computation graph. {@link GanNetworks} adds these pieces to three graphs: the standalone
 * generator, the standalone discriminator, and the generator followed by the frozen
 * discriminator. Layer names are the same in every graph ({@code g-...} and {@code d-...}),
 * which is how parameters move between them. Every call adds fresh layer configurations,
 * because DL4J fills in input sizes on the objects it is given.
 */
public interface GanArchitecture {
    /** Length of the noise vector the generator reads. */
    int latentSize();

    /** Values in one data example, which the generator writes and the discriminator reads. */
    int dataSize();

    /** Classes both networks are conditioned on (a one-hot label input), 0 when none. */
    int classCount();

    default boolean conditional() {
        return classCount() > 0;
    }

    /**
     * Adds the generator: from the vertex {@code noise} (and {@code label}, a one-hot row,
     * when conditional) to data examples as flat rows of tanh values in [-1, 1].
     *
     * @return the name of the vertex that outputs the examples
     */
    String addGenerator(GraphBuilder graph, String noise, String label);

    /**
     * Adds the discriminator: from flat data rows (and the label) to one score per row.
     *
     * @param head the output activation and loss, chosen by the GAN objective
     * @param wrap applied to every layer, to freeze the discriminator inside the stack
     * @return the name of the output layer
     */
    String addDiscriminator(GraphBuilder graph, String data, String label,
                            DiscriminatorHead head, UnaryOperator<Layer> wrap);

    /** A short name for logs and manifests. */
    String name();
}
