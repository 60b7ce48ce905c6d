package com.sparkgan.train;

import com.sparkgan.config.ConfigKeys;
import com.sparkgan.config.JobConfig;
import java.io.Serializable;

/**
 * The training choices the trainer and its executor-side functions need, read once from the
 * configuration.
 *
 * @param seed the run's seed
 * @param rounds rounds to train
 * @param batchSize real examples per worker minibatch
 * @param localSteps generator steps per worker between averagings (one round)
 * @param discriminatorSteps discriminator steps per generator step
 * @param realLabel the discriminator's target for real examples
 */
public record TrainingSettings(long seed, int rounds, int batchSize, int localSteps,
                               int discriminatorSteps, double realLabel)
        implements Serializable {

    public static TrainingSettings from(JobConfig config) {
        return new TrainingSettings(config.get(ConfigKeys.SEED), config.get(ConfigKeys.ROUNDS),
                config.get(ConfigKeys.BATCH_SIZE), config.get(ConfigKeys.LOCAL_STEPS),
                config.get(ConfigKeys.DISCRIMINATOR_STEPS), config.get(ConfigKeys.REAL_LABEL));
    }

    /** Discriminator minibatches each worker fits in one round. */
    public int discriminatorStepsPerRound() {
        return localSteps * discriminatorSteps;
    }
}
