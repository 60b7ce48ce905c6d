package com.sparkgan.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparkgan.nets.GanLoss;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingGuardsTest {
    private static RoundMetrics round(int round, double dLoss, double diversity,
                                      double gradient) {
        return new RoundMetrics(round, dLoss, 0.7, 0.6, 0.4, diversity, gradient, 128, 64, 64,
                0.1);
    }

    /** The alarm that decides the round, or null. */
    private static TrainingGuards.Alarm first(TrainingGuards guards, RoundMetrics m,
                                              boolean parametersFinite) {
        List<TrainingGuards.Alarm> alarms = guards.check(m, parametersFinite);
        return alarms.isEmpty() ? null : alarms.get(0);
    }

    private static TrainingGuards guards(boolean rollback) {
        return new TrainingGuards(new TrainingGuards.Settings(rollback, 3, 0.01, 1e-5, 0.2,
                GanLoss.STANDARD));
    }

    @Test
    void nonFiniteValuesStopTheRunOrRollItBack() {
        TrainingGuards.Alarm stop = first(guards(false), round(4, Double.NaN, 1, 1), true);
        assertEquals(TrainingGuards.Signal.NON_FINITE, stop.signal());
        assertEquals(TrainingGuards.Action.STOP, stop.action());
        assertTrue(stop.message().startsWith("Round 4 produced non-finite values"),
                stop.message());
        assertTrue(stop.message().contains("guard.action = rollback"), stop.message());
        TrainingGuards.Alarm parameters = first(guards(true), round(5, 0.5, 1, 1), false);
        assertEquals(TrainingGuards.Action.ROLLBACK, parameters.action());
        assertEquals("rollback", parameters.asMap().get("action"));
        // a run already rolling back is not told to roll back
        assertFalse(parameters.message().contains("guard.action"), parameters.message());
    }

    @Test
    void anOverflowingGeneratorGradientIsNonFiniteThoughTheLossesAreNot() {
        TrainingGuards.Alarm alarm = first(guards(true), round(7, 6.9e25,
                1, Double.POSITIVE_INFINITY), true);
        assertEquals(TrainingGuards.Signal.NON_FINITE, alarm.signal());
        assertTrue(alarm.message().contains("generator gradient norm Infinity"),
                alarm.message());
    }

    @Test
    void aCollapseSignalFiresAfterPatienceRoundsAndNamesTheRemedies() {
        TrainingGuards guards = guards(false);
        assertNull(first(guards, round(1, 0.001, 1, 1), true));
        assertFalse(guards.quiet());
        assertNull(first(guards, round(2, 0.001, 1, 1), true));
        TrainingGuards.Alarm alarm = first(guards, round(3, 0.001, 1, 1), true);
        assertEquals(TrainingGuards.Signal.DISCRIMINATOR_COLLAPSE, alarm.signal());
        assertEquals(TrainingGuards.Action.WARN, alarm.action());
        assertTrue(alarm.message().contains("train.real-label = 0.9"), alarm.message());
        assertEquals("discriminator-collapse", alarm.asMap().get("guard"));
        // the streak starts again after firing; a healthy round breaks it
        assertNull(first(guards, round(4, 0.001, 1, 1), true));
        assertNull(first(guards, round(5, 0.5, 1, 1), true));
        assertTrue(guards.quiet());
    }

    @Test
    void aNarrowGeneratorAndAVanishedGradientAreTheirOwnSignals() {
        TrainingGuards guards = guards(true);
        TrainingGuards.Alarm alarm = null;
        for (int r = 1; r <= 3; r++) {
            alarm = first(guards, round(r, 0.5, 0.05, 1), true);
        }
        assertEquals(TrainingGuards.Signal.GENERATOR_COLLAPSE, alarm.signal());
        assertEquals(TrainingGuards.Action.ROLLBACK, alarm.action());
        assertTrue(alarm.message().contains("mode collapse"), alarm.message());
        for (int r = 4; r <= 6; r++) {
            alarm = first(guards, round(r, 0.5, 1, 0), true);
        }
        assertEquals(TrainingGuards.Signal.VANISHING_GRADIENT, alarm.signal());
        assertTrue(alarm.message().contains("train.loss = lsgan, "), alarm.message());
        assertFalse(alarm.message().contains("standard"), alarm.message());
    }

    @Test
    void theDiscriminatorLossIsNotJudgedWhenTheLossIsUnbounded() {
        TrainingGuards guards = new TrainingGuards(new TrainingGuards.Settings(false, 1,
                Double.NaN, 1e-5, 0.2, GanLoss.WASSERSTEIN));
        assertNull(first(guards, round(1, -3.0, 1, 1), true));
    }

    @Test
    void signalsFiringInTheSameRoundAreAllReported() {
        TrainingGuards guards = guards(false);
        List<TrainingGuards.Alarm> alarms = List.of();
        for (int r = 1; r <= 3; r++) {
            alarms = guards.check(round(r, 0.5, 0.05, 0), true);
        }
        assertEquals(List.of(TrainingGuards.Signal.VANISHING_GRADIENT,
                TrainingGuards.Signal.GENERATOR_COLLAPSE),
                alarms.stream().map(TrainingGuards.Alarm::signal).toList());
        assertTrue(guards.quiet());
    }
}
