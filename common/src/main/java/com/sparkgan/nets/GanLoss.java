package com.sparkgan.nets;

import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossHinge;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;
import org.nd4j.linalg.lossfunctions.impl.LossWasserstein;

/**
 * The adversarial objectives on offer. Each is a discriminator head (its output activation),
 * a loss with targets for real and fake examples in the discriminator phase, and a loss with
 * a target for fakes in the generator phase. DL4J minimises every loss, so each objective is
 * written as a pair of minimisations:
 * <ul>
 *   <li>standard: sigmoid D; D minimises cross-entropy with real = 1, fake = 0; G minimises
 *   -log D(G(z)) (target 1), the non-saturating form;</li>
 *   <li>least squares (LSGAN): linear D; D minimises (D(x) - 1)^2 + D(G(z))^2; G minimises
 *   (D(G(z)) - 1)^2;</li>
 *   <li>Wasserstein: linear critic; D minimises D(G(z)) - D(x) (DL4J's loss is target times
 *   output, so real = -1, fake = +1); G minimises -D(G(z)); the critic's weights are clipped
 *   after every update;</li>
 *   <li>hinge: linear D; D minimises max(0, 1 - D(x)) + max(0, 1 + D(G(z))); G minimises
 *   -D(G(z)).</li>
 * </ul>
 */
public enum GanLoss {
    STANDARD("standard", Activation.SIGMOID, 1, 0, 1),
    LEAST_SQUARES("lsgan", Activation.IDENTITY, 1, 0, 1),
    WASSERSTEIN("wasserstein", Activation.IDENTITY, -1, 1, -1),
    HINGE("hinge", Activation.IDENTITY, 1, -1, -1);

    private final String configName;
    private final Activation activation;
    private final double realTarget;
    private final double fakeTarget;
    private final double generatorTarget;

    GanLoss(String configName, Activation activation, double realTarget, double fakeTarget,
            double generatorTarget) {
        this.configName = configName;
        this.activation = activation;
        this.realTarget = realTarget;
        this.fakeTarget = fakeTarget;
        this.generatorTarget = generatorTarget;
    }

    public static GanLoss byName(String name) {
        for (GanLoss loss : values()) {
            if (loss.configName.equals(name)) {
                return loss;
            }
        }
        throw new IllegalArgumentException("unknown GAN loss " + name);
    }

    public String configName() {
        return configName;
    }

    /** The discriminator's output activation. */
    public IActivation activation() {
        return activation.getActivationFunction();
    }

    /** What the discriminator phase minimises. */
    public ILossFunction discriminatorLoss() {
        return switch (this) {
            case STANDARD -> new LossBinaryXENT();
            case LEAST_SQUARES -> new LossMSE();
            case WASSERSTEIN -> new LossWasserstein();
            case HINGE -> new LossHinge();
        };
    }

    /** What the generator phase minimises, through the frozen discriminator. */
    public ILossFunction generatorLoss() {
        return this == HINGE ? new LossWasserstein() : discriminatorLoss();
    }

    /** Whether the real target may be lowered below 1 (one-sided label smoothing). */
    public boolean allowsLabelSmoothing() {
        return this == STANDARD || this == LEAST_SQUARES;
    }

    /** The discriminator's target for real examples, smoothed when the loss allows it. */
    public double realTarget(double smoothedReal) {
        return allowsLabelSmoothing() ? smoothedReal : realTarget;
    }

    public double fakeTarget() {
        return fakeTarget;
    }

    public double generatorTarget() {
        return generatorTarget;
    }

    /** Whether D's output is a probability, so that "loss near zero" means collapse. */
    public boolean boundedDiscriminator() {
        return this != WASSERSTEIN;
    }
}
