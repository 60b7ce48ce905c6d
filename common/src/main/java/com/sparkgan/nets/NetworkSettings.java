package com.sparkgan.nets;

import org.nd4j.linalg.learning.config.IUpdater;

/**
 * How the networks are optimised, beyond their layers.
 *
 * @param generatorUpdater the generator's optimiser (its own learning rate: two time-scale
 *                         updates when it differs from the discriminator's)
 * @param discriminatorUpdater the discriminator's optimiser
 * @param loss the adversarial objective, which fixes the discriminator's head
 * @param gradientClip the L2 norm each layer's gradient is clipped to (0: no clipping)
 * @param weightClip the bound of the critic's weights under the Wasserstein loss
 */
public record NetworkSettings(IUpdater generatorUpdater, IUpdater discriminatorUpdater,
                              GanLoss loss, double gradientClip, double weightClip) {
}
