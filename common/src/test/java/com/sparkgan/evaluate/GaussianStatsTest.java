package com.sparkgan.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianStatsTest {
    @Test
    void diagonalGaussiansHaveTheClosedFormDistance() {
        double[] m1 = {0, 1, 2};
        double[] m2 = {1, 1, -1};
        double[][] c1 = {{4, 0, 0}, {0, 1, 0}, {0, 0, 9}};
        double[][] c2 = {{1, 0, 0}, {0, 1, 0}, {0, 0, 4}};
        // |m1 - m2|^2 + sum (sqrt(a) - sqrt(b))^2 = 10 + (1 + 0 + 1)
        assertEquals(12.0, GaussianStats.frechetDistance(m1, c1, m2, c2), 1e-9);
    }

    @Test
    void identicalGaussiansAreAtDistanceZero() {
        double[] m = {3, -2};
        double[][] c = {{2, 0.7}, {0.7, 1}};
        assertEquals(0.0, GaussianStats.frechetDistance(m, c, m, c), 1e-9);
    }

    @Test
    void correlatedCovariancesMatchTheTraceFormula() {
        // C1 = [[2, 1], [1, 2]] and C2 = I: tr(C1 C2)^(1/2) = sqrt(3) + sqrt(1).
        double[][] c1 = {{2, 1}, {1, 2}};
        double[][] c2 = {{1, 0}, {0, 1}};
        double expected = 4 + 2 - 2 * (Math.sqrt(3) + 1);
        assertEquals(expected, GaussianStats.frechetDistance(new double[2], c1, new double[2],
                c2), 1e-9);
    }

    @Test
    void statisticsOfSamplesRecoverTheDistanceOfTheirGaussians() {
        SplittableRandom random = new SplittableRandom(5);
        GaussianStats a = new GaussianStats(2);
        GaussianStats b = new GaussianStats(2);
        for (int i = 0; i < 200_000; i++) {
            double z1 = gaussian(random);
            double z2 = gaussian(random);
            // a ~ N((0, 0), [[4, 0], [0, 1]]); b ~ N((1, 2), I)
            a.add(new float[] {(float) (2 * z1), (float) z2});
            b.add(new float[] {(float) (1 + gaussian(random)), (float) (2 + gaussian(random))});
        }
        GaussianStats half = new GaussianStats(2).merge(a);
        assertEquals(200_000, half.count());
        // |m|^2 = 5, plus (2 - 1)^2 + (1 - 1)^2 = 1
        assertEquals(6.0, GaussianStats.frechetDistance(a, b), 0.1);
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
                * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
