package com.sparkgan.train;

import com.sparkgan.config.ConfigKeys;
import com.sparkgan.config.JobConfig;
import com.sparkgan.nets.GanLoss;
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
 * @param realTarget the discriminator's target for real examples (smoothed when asked)
 * @param fakeTarget the discriminator's target for fakes
 * @param generatorTarget the target the generator wants the discriminator to give its fakes
 * @param instanceNoise standard deviation of the discriminator's input noise at round 1
 * @param instanceNoiseRounds rounds over which that noise falls to 0
 * @param classes classes of a conditional GAN, 0 when unconditional
 */
public record TrainingSettings(long seed, int rounds, int batchSize, int localSteps,
                               int discriminatorSteps, double realTarget, double fakeTarget,
                               double generatorTarget, double instanceNoise,
                               int instanceNoiseRounds, int classes)
        implements Serializable {

    public static TrainingSettings from(JobConfig config, int classes) {
        GanLoss loss = GanLoss.byName(config.get(ConfigKeys.LOSS));
        int rounds = config.get(ConfigKeys.ROUNDS);
        int noiseRounds = config.get(ConfigKeys.INSTANCE_NOISE_ROUNDS);
        return new TrainingSettings(config.get(ConfigKeys.SEED), rounds,
                config.get(ConfigKeys.BATCH_SIZE), config.get(ConfigKeys.LOCAL_STEPS),
                config.get(ConfigKeys.DISCRIMINATOR_STEPS),
                loss.realTarget(config.get(ConfigKeys.REAL_LABEL)), loss.fakeTarget(),
                loss.generatorTarget(), config.get(ConfigKeys.INSTANCE_NOISE),
                noiseRounds > 0 ? noiseRounds : rounds, classes);
    }

    /** Discriminator minibatches each worker fits in one round. */
    public int discriminatorStepsPerRound() {
        return localSteps * discriminatorSteps;
    }

    /** The instance noise of a round: linear from its starting value to 0. */
    public double instanceNoiseAt(int round) {
        if (instanceNoise == 0) {
            return 0;
        }
        return instanceNoise * Math.max(0.0, 1.0 - (round - 1.0) / instanceNoiseRounds);
    }

    public boolean conditional() {
        return classes > 0;
    }
}
