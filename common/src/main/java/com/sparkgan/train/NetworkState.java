package com.sparkgan.train;

import com.sparkgan.nets.NdArrays;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A network as it travels to executors: its configuration as JSON and its parameters as a
 * plain array. Network objects themselves cannot be broadcast, so tasks rebuild them.
 * Building a graph from JSON costs far more than setting its parameters, and the same
 * configurations come back every round, so each executor thread keeps the graphs it built
 * and only loads new parameters into them.
 */
public final class NetworkState implements Serializable {
    private static final long serialVersionUID = 2L;
    private static final int CACHED_PER_THREAD = 8;
    private static final ThreadLocal<Map<String, ComputationGraph>> GRAPHS =
            ThreadLocal.withInitial(LinkedHashMap::new);

    private final String configurationJson;
    private final float[] parameters;
    private final boolean graph;

    private NetworkState(String configurationJson, float[] parameters, boolean graph) {
        this.configurationJson = configurationJson;
        this.parameters = parameters;
        this.graph = graph;
    }

    public static NetworkState of(MultiLayerNetwork network) {
        return new NetworkState(network.getLayerWiseConfigurations().toJson(),
                NdArrays.toFloats(network.params()), false);
    }

    public static NetworkState of(ComputationGraph network) {
        return new NetworkState(network.getConfiguration().toJson(),
                NdArrays.toFloats(network.params()), true);
    }

    /** A fresh layer stack with these parameters, private to the caller. */
    public MultiLayerNetwork rebuild() {
        requireKind(false);
        MultiLayerNetwork network = new MultiLayerNetwork(
                MultiLayerConfiguration.fromJson(configurationJson));
        network.init(flatParameters(), false);
        return network;
    }

    /**
     * A computation graph with these parameters, owned by the calling thread until its next
     * call with the same configuration (which reloads the same graph).
     */
    public ComputationGraph rebuildGraph() {
        requireKind(true);
        Map<String, ComputationGraph> cache = GRAPHS.get();
        ComputationGraph network = cache.get(configurationJson);
        if (network == null) {
            if (cache.size() >= CACHED_PER_THREAD) {
                cache.clear();
            }
            network = new ComputationGraph(
                    ComputationGraphConfiguration.fromJson(configurationJson));
            network.init(flatParameters(), false);
            cache.put(configurationJson, network);
        } else {
            network.setParams(flatParameters());
        }
        return network;
    }

    private INDArray flatParameters() {
        return NdArrays.floats(parameters, 1, parameters.length);
    }

    private void requireKind(boolean wanted) {
        if (graph != wanted) {
            throw new IllegalStateException("this state holds a "
                    + (graph ? "computation graph" : "layer stack"));
        }
    }
}
