package com.sparkgan.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sparkgan.config.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassPlanTest {
    @Test
    void weightsShareOutTheCountWithLargestRemainders() {
        assertEquals(List.of(10L, 20L, 70L),
                ClassPlan.weighted(3, 100, List.of(1.0, 2.0, 7.0)).counts());
        assertEquals(List.of(34L, 33L, 33L), ClassPlan.weighted(3, 100, List.of()).counts());
    }

    @Test
    void hugeWeightsAreRelativeLikeSmallOnes() {
        assertEquals(List.of(50L, 50L, 0L),
                ClassPlan.weighted(3, 100, List.of(1e308, 1e308, 1.0)).counts());
    }

    @Test
    void weightsThatShareOutNothingAreRefused() {
        assertThrows(ConfigException.class,
                () -> ClassPlan.weighted(2, 10, List.of(0.0, 0.0)));
        assertThrows(ConfigException.class,
                () -> ClassPlan.weighted(3, 10, List.of(1.0, 1.0)));
    }
}
