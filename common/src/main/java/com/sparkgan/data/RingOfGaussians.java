package com.sparkgan.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The {@code ring8} benchmark: a 2-D mixture of 8 Gaussians with equal weights, centred on a
 * circle, the usual test of mode collapse in the GAN literature. A generator that collapses
 * covers a few modes (often one at a time, moving round the ring); a healthy one covers all
 * eight with samples close to the centres. The rows are drawn from a fixed seed, so every run
 * and every executor sees the same data.
 */
public final class RingOfGaussians {
    public static final int MODES = 8;
    public static final double RADIUS = 2.0;
    public static final double STD = 0.05;
    public static final int ROWS = 16_000;
    private static final long SEED = 8L;

    private RingOfGaussians() {
    }

    /** Centre of mode {@code k}, as {x, y}. */
    public static double[] centre(int k) {
        double angle = 2 * Math.PI * k / MODES;
        return new double[] {RADIUS * Math.cos(angle), RADIUS * Math.sin(angle)};
    }

    /** The dataset as CSV lines: a header {@code x,y}, then one row per sample. */
    public static List<String> lines() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<String> lines = new ArrayList<>(ROWS + 1);
        lines.add("x,y");
        for (int i = 0; i < ROWS; i++) {
            double[] c = centre(random.nextInt(MODES));
            lines.add(String.format(Locale.ROOT, "%.6f,%.6f", c[0] + STD * gaussian(random),
                    c[1] + STD * gaussian(random)));
        }
        return lines;
    }

    /** The mode a point belongs to (within 3 standard deviations of its centre), or -1. */
    public static int modeOf(double x, double y) {
        for (int k = 0; k < MODES; k++) {
            double[] c = centre(k);
            if (Math.hypot(x - c[0], y - c[1]) <= 3 * STD) {
                return k;
            }
        }
        return -1;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * random.nextDouble());
    }
}
