package com.sparkgan.nets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * Each objective's loss and gradient with respect to the discriminator's pre-activation
 * output, for one example, against values worked out by hand. A negative gradient means that
 * gradient descent raises the discriminator's output; real examples and the generator's fakes
 * must be pushed up, the discriminator's fakes down.
 */
class GanLossTest {
    private static final double EPS = 1e-4;

    private static double score(GanLoss loss, ILossFunction function, double target,
                                double preOutput) {
        return function.computeScore(column(target), column(preOutput), loss.activation(), null,
                true);
    }

    private static double gradient(GanLoss loss, ILossFunction function, double target,
                                   double preOutput) {
        return function.computeGradient(column(target), column(preOutput), loss.activation(),
                null).getDouble(0);
    }

    private static INDArray column(double value) {
        return Nd4j.valueArrayOf(new long[] {1, 1}, value, DataType.FLOAT);
    }

    @Test
    void standardIsCrossEntropyOnASigmoid() {
        GanLoss loss = GanLoss.STANDARD;
        ILossFunction d = loss.discriminatorLoss();
        // z = 0: D = 0.5; -ln 0.5 = 0.6931 either way; dL/dz = D - target
        assertEquals(0.6931, score(loss, d, loss.realTarget(1.0), 0), EPS);
        assertEquals(-0.5, gradient(loss, d, loss.realTarget(1.0), 0), EPS);
        assertEquals(0.5, gradient(loss, d, loss.fakeTarget(), 0), EPS);
        // z = 2: D = 0.8808; a fake there costs -ln(1 - 0.8808) = 2.1269
        assertEquals(2.1269, score(loss, d, loss.fakeTarget(), 2), EPS);
        // the non-saturating generator loss -ln D(G(z)) at z = -2: 2.1269, gradient D - 1
        ILossFunction g = loss.generatorLoss();
        assertEquals(2.1269, score(loss, g, loss.generatorTarget(), -2), EPS);
        assertEquals(0.1192 - 1, gradient(loss, g, loss.generatorTarget(), -2), EPS);
        // one-sided smoothing lowers the real target only
        assertEquals(0.9, loss.realTarget(0.9), 0);
    }

    @Test
    void leastSquaresIsASquaredDistanceToTheTargets() {
        GanLoss loss = GanLoss.LEAST_SQUARES;
        ILossFunction d = loss.discriminatorLoss();
        // D = 0.3: real (0.3 - 1)^2 = 0.49, gradient 2 (0.3 - 1) = -1.4
        assertEquals(0.49, score(loss, d, loss.realTarget(1.0), 0.3), EPS);
        assertEquals(-1.4, gradient(loss, d, loss.realTarget(1.0), 0.3), EPS);
        // fake 0.3^2 = 0.09, gradient 0.6
        assertEquals(0.09, score(loss, d, loss.fakeTarget(), 0.3), EPS);
        assertEquals(0.6, gradient(loss, d, loss.fakeTarget(), 0.3), EPS);
        assertEquals(-1.4, gradient(loss, loss.generatorLoss(), loss.generatorTarget(), 0.3),
                EPS);
    }

    @Test
    void wassersteinIsTheCriticsOutputWithASign() {
        GanLoss loss = GanLoss.WASSERSTEIN;
        ILossFunction d = loss.discriminatorLoss();
        // the critic minimises D(fake) - D(real): -D on real, +D on fakes, slopes -1 and +1
        assertEquals(-0.3, score(loss, d, loss.realTarget(1.0), 0.3), EPS);
        assertEquals(-1.0, gradient(loss, d, loss.realTarget(1.0), 0.3), EPS);
        assertEquals(0.3, score(loss, d, loss.fakeTarget(), 0.3), EPS);
        assertEquals(1.0, gradient(loss, d, loss.fakeTarget(), 0.3), EPS);
        // the generator minimises -D(G(z)), whatever the value: no saturation
        assertEquals(-5.0, score(loss, loss.generatorLoss(), loss.generatorTarget(), 5.0), EPS);
        assertEquals(-1.0, gradient(loss, loss.generatorLoss(), loss.generatorTarget(), 5.0),
                EPS);
    }

    @Test
    void hingeStopsPushingOutsideTheMargin() {
        GanLoss loss = GanLoss.HINGE;
        ILossFunction d = loss.discriminatorLoss();
        // real: max(0, 1 - D); D = 0.3 costs 0.7 with slope -1, D = 1.5 costs nothing
        assertEquals(0.7, score(loss, d, loss.realTarget(1.0), 0.3), EPS);
        assertEquals(-1.0, gradient(loss, d, loss.realTarget(1.0), 0.3), EPS);
        assertEquals(0.0, score(loss, d, loss.realTarget(1.0), 1.5), EPS);
        assertEquals(0.0, gradient(loss, d, loss.realTarget(1.0), 1.5), EPS);
        // fake: max(0, 1 + D); D = 0.3 costs 1.3 with slope +1, D = -1.5 costs nothing
        assertEquals(1.3, score(loss, d, loss.fakeTarget(), 0.3), EPS);
        assertEquals(1.0, gradient(loss, d, loss.fakeTarget(), 0.3), EPS);
        assertEquals(0.0, gradient(loss, d, loss.fakeTarget(), -1.5), EPS);
        // the generator minimises -D(G(z)), as under the Wasserstein loss
        assertEquals(-1.0, gradient(loss, loss.generatorLoss(), loss.generatorTarget(), -1.5),
                EPS);
    }
}
