package com.sparkgan.train;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The spread of a batch of examples: the mean Euclidean distance between two of its rows.
 * A generator that has collapsed makes batches of near copies, whose spread falls far below
 * that of a real batch.
 */
public final class Diversity {
    private Diversity() {
    }

    /** @param rows one example per row */
    public static double meanPairwiseDistance(INDArray rows) {
        int n = (int) rows.size(0);
        if (n < 2) {
            return 0;
        }
        // |a - b|^2 = |a|^2 + |b|^2 - 2 a.b from one matrix product, in double precision so
        // that near copies do not cancel into noise.
        INDArray x = rows.reshape(n, rows.length() / n).castTo(DataType.DOUBLE);
        double[][] gram = x.mmul(x.transpose()).toDoubleMatrix();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                sum += Math.sqrt(Math.max(0, gram[i][i] + gram[j][j] - 2 * gram[i][j]));
            }
        }
        return sum / ((double) n * (n - 1) / 2);
    }
}
