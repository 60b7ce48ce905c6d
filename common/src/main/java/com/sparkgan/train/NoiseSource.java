package com.sparkgan.train;

import com.sparkgan.nets.NdArrays;
import java.io.Serializable;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Draws the generator's input noise from a seed, identically on every machine. */
public final class NoiseSource implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The noise distributions the configuration offers. */
    public enum Distribution { GAUSSIAN, UNIFORM }

    private final int latentSize;
    private final Distribution distribution;

    public NoiseSource(int latentSize, Distribution distribution) {
        this.latentSize = latentSize;
        this.distribution = distribution;
    }

    public static NoiseSource of(int latentSize, String distribution) {
        return new NoiseSource(latentSize, Distribution.valueOf(distribution.toUpperCase()));
    }

    public int latentSize() {
        return latentSize;
    }

    /** A [rows, latentSize] noise matrix. */
    public INDArray draw(int rows, SplittableRandom random) {
        float[] values = new float[rows * latentSize];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (distribution == Distribution.GAUSSIAN
                    ? gaussian(random) : random.nextDouble(-1.0, 1.0));
        }
        return NdArrays.floats(values, rows, latentSize);
    }

    /** Box-Muller; SplittableRandom has no Gaussian of its own in Java 17's API. */
    static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
    }
}
