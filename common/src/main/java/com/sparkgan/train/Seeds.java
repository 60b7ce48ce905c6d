package com.sparkgan.train;

/**
 * Derives independent, reproducible seeds for every random draw from the run's seed, so that
 * a retried task regenerates exactly the same noise and minibatches.
 */
public final class Seeds {
    /** Streams of random draws, one per purpose. */
    public enum Stream {
        REAL_BATCHES, FAKE_NOISE, GENERATOR_NOISE, SAMPLE_GRID, GENERATE, INSTANCE_NOISE,
        GENERATOR_LABELS, NETWORK_DRAWS
    }

    private Seeds() {
    }

    public static long derive(long runSeed, Stream stream, long round, long partition) {
        long h = mix(runSeed);
        h = mix(h ^ (stream.ordinal() + 1L) * 0x9E3779B97F4A7C15L);
        h = mix(h ^ round * 0xC2B2AE3D27D4EB4FL);
        return mix(h ^ partition * 0x165667B19E3779F9L);
    }

    /**
     * Seeds this thread's ND4J generator, which DL4J's own draws (dropout masks) take from,
     * for one phase of one round in one partition. A Spark task makes its minibatches and
     * fits them in the same thread, so the masks then repeat exactly, as every other draw.
     */
    public static void seedNetworkDraws(long runSeed, long round, long partition) {
        org.nd4j.linalg.factory.Nd4j.getRandom().setSeed(
                derive(runSeed, Stream.NETWORK_DRAWS, round, partition));
    }

    /** SplitMix64's finaliser: a bijective scramble of 64 bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
