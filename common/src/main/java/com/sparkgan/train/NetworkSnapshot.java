package com.sparkgan.train;

import com.sparkgan.nets.GanNetworks;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An in-memory copy of everything training changes (the parameters and optimiser state of
 * the networks, and the generator average), taken whenever a checkpoint is written, so that a
 * rollback restores exactly that checkpoint without reading it back.
 */
final class NetworkSnapshot {
    private final int round;
    private final INDArray generator;
    private final INDArray discriminator;
    private final INDArray discriminatorUpdater;
    private final INDArray adversarial;
    private final INDArray adversarialUpdater;
    private final INDArray average;

    private NetworkSnapshot(int round, GanNetworks networks, GeneratorAverage average) {
        this.round = round;
        this.generator = networks.generator().params().dup();
        this.discriminator = networks.discriminator().params().dup();
        this.discriminatorUpdater = updaterState(networks.discriminator());
        this.adversarial = networks.adversarial().params().dup();
        this.adversarialUpdater = updaterState(networks.adversarial());
        this.average = average == null ? null : average.network().params().dup();
    }

    static NetworkSnapshot of(int round, GanNetworks networks, GeneratorAverage average) {
        return new NetworkSnapshot(round, networks, average);
    }

    int round() {
        return round;
    }

    /** Puts the copied state back into the same network objects the trainer holds. */
    void restore(GanNetworks networks, GeneratorAverage average) {
        networks.generator().params().assign(generator);
        networks.discriminator().params().assign(discriminator);
        restoreUpdater(networks.discriminator(), discriminatorUpdater);
        networks.adversarial().params().assign(adversarial);
        restoreUpdater(networks.adversarial(), adversarialUpdater);
        if (average != null && this.average != null) {
            average.network().params().assign(this.average);
        }
    }

    private static INDArray updaterState(ComputationGraph network) {
        INDArray state = network.getUpdater().getStateViewArray();
        return state == null ? null : state.dup();
    }

    private static void restoreUpdater(ComputationGraph network, INDArray state) {
        if (state != null) {
            network.getUpdater().getStateViewArray().assign(state);
        }
    }
}
