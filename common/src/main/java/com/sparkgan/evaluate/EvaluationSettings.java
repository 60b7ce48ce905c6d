package com.sparkgan.evaluate;

import com.sparkgan.config.ConfigKeys;
import com.sparkgan.config.JobConfig;

/**
 * How thoroughly to evaluate.
 *
 * @param manifoldSamples samples of each set for precision and recall
 * @param memorisationReference training samples searched for near copies
 * @param classifierSteps minibatch steps per worker of the feature classifier
 * @param seed seed of the classifier and of every sample
 */
public record EvaluationSettings(int manifoldSamples, int memorisationReference,
                                 int classifierSteps, long seed) {
    public static EvaluationSettings from(JobConfig config) {
        return new EvaluationSettings(config.get(ConfigKeys.EVALUATE_SAMPLES),
                config.get(ConfigKeys.EVALUATE_MEMORISATION_REFERENCE),
                config.get(ConfigKeys.EVALUATE_CLASSIFIER_STEPS), config.get(ConfigKeys.SEED));
    }
}
