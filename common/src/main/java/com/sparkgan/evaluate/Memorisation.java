package com.sparkgan.evaluate;

import com.sparkgan.data.RealDataset;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * The memorisation check, in data space: the share of synthetic samples whose nearest real
 * training sample is closer than the 1st percentile of the distances from real held-out
 * samples to their nearest training sample. Nearest distances are searched on the
 * executors against a broadcast sample of the training set.
 */
final class Memorisation {
    static final double PERCENTILE = 0.01;
    private static final int CHUNK = 256;

    private final JavaSparkContext spark;

    Memorisation(JavaSparkContext spark) {
        this.spark = spark;
    }

    /** {memorised share, the distance threshold}. */
    double[] measure(float[][] trainingReference, RealDataset heldOut, RealDataset synthetic,
                     int heldOutLimit, long seed) {
        Broadcast<float[][]> reference = spark.broadcast(trainingReference);
        try {
            List<float[]> held = heldOut.rows().takeSample(false, heldOutLimit, seed);
            float[] heldDistances = nearest(spark.parallelize(held,
                    spark.defaultParallelism()), reference);
            Arrays.sort(heldDistances);
            float threshold = heldDistances[(int) Math.floor(PERCENTILE
                    * (heldDistances.length - 1))];
            float[] syntheticDistances = nearest(synthetic.rows(), reference);
            long memorised = 0;
            for (float d : syntheticDistances) {
                if (d < threshold) {
                    memorised++;
                }
            }
            return new double[] {(double) memorised / syntheticDistances.length,
                    Math.sqrt(threshold)};
        } finally {
            reference.destroy(false);
        }
    }

    /** Squared distance of each row to its nearest reference row. */
    private static float[] nearest(JavaRDD<float[]> rows, Broadcast<float[][]> reference) {
        List<Float> distances = rows.mapPartitions(it -> {
            java.util.List<Float> out = new java.util.ArrayList<>();
            java.util.List<float[]> chunk = new java.util.ArrayList<>(CHUNK);
            while (it.hasNext()) {
                chunk.add(it.next());
                if (chunk.size() == CHUNK || !it.hasNext()) {
                    float[][] d = NearestNeighbours.squaredDistances(
                            chunk.toArray(new float[0][]), reference.value());
                    for (float[] row : d) {
                        out.add(NearestNeighbours.min(row));
                    }
                    chunk.clear();
                }
            }
            return out.iterator();
        }).collect();
        float[] out = new float[distances.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = distances.get(i);
        }
        return out;
    }
}
