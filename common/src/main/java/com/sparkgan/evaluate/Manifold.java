package com.sparkgan.evaluate;

import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Precision and recall of a data manifold (Kynkäänniemi et al., 2019): each sample of a set
 * gets a ball reaching its k-th nearest neighbour in that set; precision is the share of
 * synthetic samples inside some real ball, recall the share of real samples inside some
 * synthetic ball. The distance matrices are computed on the executors, chunk by chunk.
 */
final class Manifold {
    static final int K = 3;
    private static final int CHUNK = 256;

    private final JavaSparkContext spark;

    Manifold(JavaSparkContext spark) {
        this.spark = spark;
    }

    /** {precision, recall} of {@code synthetic} against {@code real} (feature rows). */
    double[] precisionRecall(float[][] real, float[][] synthetic) {
        Broadcast<float[][]> realRows = spark.broadcast(real);
        Broadcast<float[][]> syntheticRows = spark.broadcast(synthetic);
        try {
            Broadcast<float[]> realRadii = spark.broadcast(radii(realRows, real.length));
            Broadcast<float[]> syntheticRadii = spark.broadcast(radii(syntheticRows,
                    synthetic.length));
            double precision = insideShare(syntheticRows, synthetic.length, realRows, realRadii);
            double recall = insideShare(realRows, real.length, syntheticRows, syntheticRadii);
            realRadii.destroy(false);
            syntheticRadii.destroy(false);
            return new double[] {precision, recall};
        } finally {
            realRows.destroy(false);
            syntheticRows.destroy(false);
        }
    }

    private List<Integer> chunks(int rows) {
        return IntStream.range(0, (rows + CHUNK - 1) / CHUNK).map(c -> c * CHUNK).boxed()
                .toList();
    }

    private int partitions(int rows) {
        return Math.max(1, Math.min(spark.defaultParallelism(), chunks(rows).size()));
    }

    /** Squared distance of every row to its K-th nearest other row of the same set. */
    private float[] radii(Broadcast<float[][]> set, int rows) {
        List<float[]> parts = spark.parallelize(chunks(rows), partitions(rows)).map(start -> {
            float[][] all = set.value();
            float[][] queries = java.util.Arrays.copyOfRange(all, start,
                    Math.min(all.length, start + CHUNK));
            float[][] d = NearestNeighbours.squaredDistances(queries, all);
            float[] out = new float[queries.length];
            for (int i = 0; i < queries.length; i++) {
                out[i] = NearestNeighbours.kth(d[i], K); // position 0 is the row itself
            }
            return out;
        }).collect();
        float[] radii = new float[rows];
        int offset = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, radii, offset, part.length);
            offset += part.length;
        }
        return radii;
    }

    private double insideShare(Broadcast<float[][]> queries, int rows,
                               Broadcast<float[][]> references, Broadcast<float[]> radii) {
        long inside = spark.parallelize(chunks(rows), partitions(rows)).map(start -> {
            float[][] all = queries.value();
            float[][] chunk = java.util.Arrays.copyOfRange(all, start,
                    Math.min(all.length, start + CHUNK));
            float[][] d = NearestNeighbours.squaredDistances(chunk, references.value());
            float[] r = radii.value();
            long count = 0;
            for (float[] row : d) {
                for (int j = 0; j < row.length; j++) {
                    if (row[j] <= r[j]) {
                        count++;
                        break;
                    }
                }
            }
            return count;
        }).reduce(Long::sum);
        return (double) inside / rows;
    }
}
