package com.sparkgan.evaluate;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Squared Euclidean distances between row sets, and the order statistics the metrics use. */
final class NearestNeighbours {
    private NearestNeighbours() {
    }

    /** [queries x references] squared distances: |q|^2 + |r|^2 - 2 q.r, clipped at 0. */
    static float[][] squaredDistances(float[][] queries, float[][] references) {
        INDArray q = Nd4j.create(queries);
        INDArray r = Nd4j.create(references);
        INDArray qNorms = q.mul(q).sum(1).reshape(queries.length, 1);
        INDArray rNorms = r.mul(r).sum(1).reshape(1, references.length);
        INDArray d = q.mmul(r.transpose()).muli(-2).addiColumnVector(qNorms)
                .addiRowVector(rNorms);
        return d.toFloatMatrix();
    }

    /** The k-th smallest value of a row (k = 0 is the smallest). */
    static float kth(float[] row, int k) {
        float[] copy = row.clone();
        Arrays.sort(copy);
        return copy[Math.min(k, copy.length - 1)];
    }

    static float min(float[] row) {
        float best = Float.POSITIVE_INFINITY;
        for (float v : row) {
            best = Math.min(best, v);
        }
        return Math.max(0, best);
    }
}
