package com.sparkgan.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class DiversityTest {
    @Test
    void meanDistanceOfAHandComputedTriangle() {
        // distances 5, 3 and 4
        float[][] rows = {{0, 0}, {3, 4}, {0, 4}};
        assertEquals(4.0, Diversity.meanPairwiseDistance(Nd4j.createFromArray(rows)), 1e-9);
    }

    @Test
    void copiesHaveNoSpreadAndImagesCountEveryPixel() {
        float[][] copies = {{0.25f, -1f, 7f}, {0.25f, -1f, 7f}, {0.25f, -1f, 7f}};
        assertEquals(0.0, Diversity.meanPairwiseDistance(Nd4j.createFromArray(copies)), 1e-9);
        // two 1x2x2 images differing by 1 in every pixel: distance sqrt(4)
        float[][][][] images = {{{{0, 0}, {0, 0}}}, {{{1, 1}, {1, 1}}}};
        assertEquals(2.0, Diversity.meanPairwiseDistance(Nd4j.createFromArray(images)), 1e-9);
        assertEquals(0.0, Diversity.meanPairwiseDistance(Nd4j.createFromArray(
                new float[][] {{1, 2}})));
    }
}
