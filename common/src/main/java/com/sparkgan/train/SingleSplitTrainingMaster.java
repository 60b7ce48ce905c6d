package com.sparkgan.train;

import org.apache.spark.api.java.JavaRDDLike;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;

/**
 * dl4j-spark's parameter averaging for a phase whose number of minibatches is known before
 * it runs: every worker derives exactly its local steps' worth from its own shard.
 *
 * <p>dl4j-spark counts the minibatches of every fit to split them, with a Spark job of its
 * own that computes (and caches, serialized) every minibatch before the training job reads
 * them back. A phase here is always one split, so the count is answered from what is known;
 * with no cache either, each phase is one Spark job that builds each minibatch once, in the
 * task that trains on it.
 */
final class SingleSplitTrainingMaster extends ParameterAveragingTrainingMaster {
    private static final long serialVersionUID = 1L;

    private final long minibatches;

    /** @param minibatches the phase's minibatches over all workers */
    SingleSplitTrainingMaster(Builder builder, long minibatches) {
        super(builder);
        this.minibatches = minibatches;
    }

    @Override
    protected <T, R extends JavaRDDLike<T, R>> long getTotalDataSetObjectCount(
            JavaRDDLike<T, R> trainingData) {
        return minibatches;
    }
}
