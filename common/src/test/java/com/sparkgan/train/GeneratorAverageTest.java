package com.sparkgan.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import com.sparkgan.nets.DiscriminatorOptions;
import com.sparkgan.nets.GanLoss;
import com.sparkgan.nets.GanNetworks;
import com.sparkgan.nets.MlpArchitecture;
import com.sparkgan.nets.NetworkSettings;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;

class GeneratorAverageTest {
    private static ComputationGraph generator() {
        return GanNetworks.create(new MlpArchitecture(4, 6, 0, List.of(5), List.of(5),
                new DiscriminatorOptions(0.2, 0)), new NetworkSettings(new Adam(1e-3),
                new Adam(1e-3), GanLoss.STANDARD, 0, 0.01), 3L).generator();
    }

    @Test
    void eachUpdateMovesTheAverageADecayFractionTowardsTheWeights() {
        ComputationGraph generator = generator();
        float[] start = generator.params().toFloatVector();
        GeneratorAverage average = GeneratorAverage.startingAt(generator, 0.9);
        assertNotSame(generator, average.network());
        assertArrayEquals(start, average.network().params().toFloatVector(), 0f);

        INDArray params = generator.params();
        params.assign(params.add(1.0));
        average.update(generator);
        average.update(generator);
        // a0 = w; a1 = 0.9 w + 0.1 (w + 1) = w + 0.1; a2 = 0.9 a1 + 0.1 (w + 1) = w + 0.19
        float[] expected = new float[start.length];
        for (int i = 0; i < start.length; i++) {
            expected[i] = start[i] + 0.19f;
        }
        assertArrayEquals(expected, average.network().params().toFloatVector(), 1e-5f);
        // the trained generator itself is untouched by the average
        float[] shifted = new float[start.length];
        for (int i = 0; i < start.length; i++) {
            shifted[i] = start[i] + 1f;
        }
        assertArrayEquals(shifted, generator.params().toFloatVector(), 1e-6f);
    }
}
