package com.sparkgan.train;

import org.apache.spark.util.LongAccumulator;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.spark.api.TrainingHook;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Counts, inside dl4j-spark's workers, the examples of every minibatch actually fitted, so
 * that a phase that trained on nothing (dl4j-spark skips splits silently) is caught.
 */
final class ExampleCounter implements TrainingHook {
    private static final long serialVersionUID = 1L;

    private final LongAccumulator examples;

    ExampleCounter(LongAccumulator examples) {
        this.examples = examples;
    }

    @Override
    public void preUpdate(DataSet minibatch, Model model) {
        // the trainer feeds multi-input data only
    }

    @Override
    public void postUpdate(DataSet minibatch, Model model) {
        examples.add(minibatch.numExamples());
    }

    @Override
    public void preUpdate(MultiDataSet minibatch, Model model) {
        // counted after the update, when it has happened
    }

    @Override
    public void postUpdate(MultiDataSet minibatch, Model model) {
        examples.add(minibatch.getFeatures(0).size(0));
    }
}
