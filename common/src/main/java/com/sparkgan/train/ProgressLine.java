package com.sparkgan.train;

import java.util.Locale;

/**
 * Formats the one log line per round, always the same fields in the same order, with an
 * estimate of the time left from the mean duration of the rounds so far.
 */
public final class ProgressLine {
    private final int totalRounds;
    private final int firstRound;
    private double secondsSoFar;

    public ProgressLine(int firstRound, int totalRounds) {
        this.firstRound = firstRound;
        this.totalRounds = totalRounds;
    }

    /** Records the round and returns its line. */
    public String format(RoundMetrics m) {
        secondsSoFar += m.seconds();
        int done = m.round() - firstRound + 1;
        double left = secondsSoFar / done * (totalRounds - m.round());
        return String.format(Locale.ROOT, "round %d/%d d_loss=%.4f g_loss=%.4f d_real=%.3f "
                        + "d_fake=%.3f diversity=%.2f g_grad=%.2g examples=%d/%d "
                        + "real_examples_per_s=%.0f round_s=%.2f elapsed=%s eta=%s", m.round(),
                totalRounds, m.discriminatorLoss(), m.generatorLoss(), m.discriminatorReal(),
                m.discriminatorFake(), m.diversity(), m.generatorGradient(),
                m.discriminatorExamples(), m.generatorExamples(), m.realExamplesPerSecond(),
                m.seconds(), duration(secondsSoFar), duration(left));
    }

    public double elapsedSeconds() {
        return secondsSoFar;
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm%02ds", s / 3600, s / 60 % 60,
                s % 60) : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
