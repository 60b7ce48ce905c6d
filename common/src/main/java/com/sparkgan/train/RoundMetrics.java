package com.sparkgan.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one round measured.
 *
 * @param round 1-based round number
 * @param discriminatorLoss mean minibatch loss of the discriminator phase
 * @param generatorLoss mean minibatch loss of the generator phase
 * @param discriminatorReal mean D(x) on real probe rows, before the round's update
 * @param discriminatorFake mean D(G(z)) on fake probe rows, before the round's update
 * @param diversity mean pairwise distance of fake probe rows over that of real ones
 * @param generatorGradient L2 norm of the generator's loss gradient at the round's first
 *                          generator step, averaged over workers
 * @param discriminatorExamples examples (real and fake) the discriminator phase fitted
 * @param generatorExamples noise examples the generator phase fitted
 * @param realExamples real examples the round consumed
 * @param seconds wall time of the round
 */
public record RoundMetrics(int round, double discriminatorLoss, double generatorLoss,
                           double discriminatorReal, double discriminatorFake,
                           double diversity, double generatorGradient,
                           long discriminatorExamples, long generatorExamples,
                           long realExamples, double seconds) {

    public double realExamplesPerSecond() {
        return seconds > 0 ? realExamples / seconds : 0;
    }

    /**
     * Whether the losses, the discriminator's outputs and the generator's gradient norm are
     * all finite. A gradient norm that overflows while the losses are still finite is the
     * first sign of a diverging run.
     */
    public boolean finite() {
        return Double.isFinite(discriminatorLoss) && Double.isFinite(generatorLoss)
                && Double.isFinite(discriminatorReal) && Double.isFinite(discriminatorFake)
                && Double.isFinite(generatorGradient);
    }

    /** The fields of {@code metrics.jsonl}, in a fixed order. */
    public Map<String, Object> asMap(double elapsedSeconds) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("round", round);
        map.put("d_loss", discriminatorLoss);
        map.put("g_loss", generatorLoss);
        map.put("d_real", discriminatorReal);
        map.put("d_fake", discriminatorFake);
        map.put("diversity", diversity);
        map.put("g_grad_norm", generatorGradient);
        map.put("d_examples", discriminatorExamples);
        map.put("g_examples", generatorExamples);
        map.put("real_examples", realExamples);
        map.put("examples_per_s", realExamplesPerSecond());
        map.put("round_seconds", seconds);
        map.put("elapsed_seconds", elapsedSeconds);
        return map;
    }
}
