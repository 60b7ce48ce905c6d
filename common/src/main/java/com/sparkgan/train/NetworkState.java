package com.sparkgan.train;

import java.io.Serializable;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * A network as it travels to executors: its configuration as JSON and its parameters as a
 * plain array. Network objects themselves cannot be broadcast, so tasks rebuild them.
 */
public final class NetworkState implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String configurationJson;
    private final float[] parameters;

    private NetworkState(String configurationJson, float[] parameters) {
        this.configurationJson = configurationJson;
        this.parameters = parameters;
    }

    public static NetworkState of(MultiLayerNetwork network) {
        return new NetworkState(network.getLayerWiseConfigurations().toJson(),
                network.params().dup().data().asFloat());
    }

    /** A fresh network with these parameters, private to the caller. */
    public MultiLayerNetwork rebuild() {
        MultiLayerNetwork network = new MultiLayerNetwork(
                MultiLayerConfiguration.fromJson(configurationJson));
        network.init(org.nd4j.linalg.factory.Nd4j.create(parameters, new long[] {1,
                parameters.length}, 'c'), false);
        return network;
    }
}
