package com.sparkgan.train;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.spark.api.TrainingHook;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Gives each worker's copy of a computation graph the driver's iteration count before its
 * first step. dl4j-spark rebuilds graphs on the workers from a clone of the configuration,
 * which starts counting at 0; Adam's bias correction depends on the count, so without this
 * every worker would take steps as if training had just begun (about ten times too small
 * late in a run), unlike a single-machine run with the same optimiser state.
 */
final class IterationCountHook implements TrainingHook {
    private static final long serialVersionUID = 1L;

    private int driverCount;

    /** Set on the driver before each fit; shipped to the workers with the hook. */
    void startAt(int iterationCount) {
        this.driverCount = iterationCount;
    }

    @Override
    public void preUpdate(MultiDataSet minibatch, Model model) {
        if (model instanceof ComputationGraph graph && graph.getIterationCount() < driverCount) {
            // the count lives in the configuration; the graph only reads it
            graph.getConfiguration().setIterationCount(driverCount);
        }
    }

    @Override
    public void postUpdate(MultiDataSet minibatch, Model model) {
        // nothing to do after a step
    }

    @Override
    public void preUpdate(DataSet minibatch, Model model) {
        // the trainer feeds multi-input data only
    }

    @Override
    public void postUpdate(DataSet minibatch, Model model) {
        // the trainer feeds multi-input data only
    }
}
