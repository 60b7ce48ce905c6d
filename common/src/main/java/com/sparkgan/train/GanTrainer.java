package com.sparkgan.train;

import com.sparkgan.nets.GanNetworks;

/**
 * Trains a GAN one round at a time on distributed data. The product depends on this
 * interface only: dl4j-spark's parameter averaging is one implementation, and another
 * averaging scheme can replace it without touching the jobs.
 */
public interface GanTrainer extends AutoCloseable {
    /** Trains round {@code round} (1-based): a discriminator phase, then a generator phase. */
    RoundMetrics trainRound(int round);

    /** The driver's copies of the networks, current after every round. */
    GanNetworks networks();

    @Override
    void close();
}
