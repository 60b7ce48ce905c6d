package com.sparkgan.data;

import java.util.Arrays;
import java.util.Collections;
import java.util.SortedMap;
import org.apache.spark.api.java.JavaRDD;

/**
 * The real training data, sharded: one persisted partition per worker, each holding its
 * examples as {@link ExampleBlock}s. The driver keeps only the spec and the shard sizes.
 *
 * @param spec the shape, classes and scaling of the data
 * @param shards one partition per worker, persisted serialized in memory and on disk
 * @param shardSizes examples per shard, in partition order
 * @param classCounts examples per label, labels in order (empty when unlabelled); counted
 *                    when the data were loaded, so a derived dataset carries none
 */
public record RealDataset(DatasetSpec spec, JavaRDD<ExampleBlock> shards, long[] shardSizes,
                          SortedMap<Integer, Long> classCounts) {

    public long count() {
        return Arrays.stream(shardSizes).sum();
    }

    public int workers() {
        return shardSizes.length;
    }

    public long smallestShard() {
        return Arrays.stream(shardSizes).min().orElse(0);
    }

    /** Every example as its own row array, for sampling and nearest-neighbour searches. */
    public JavaRDD<float[]> rows() {
        return shards.flatMap(block -> {
            java.util.List<float[]> out = new java.util.ArrayList<>(block.rows());
            for (int r = 0; r < block.rows(); r++) {
                out.add(block.row(r));
            }
            return out.iterator();
        });
    }

    /** The even (parity 0) or odd (parity 1) rows of every shard, as a dataset of its own. */
    public RealDataset alternateRows(int parity) {
        long[] sizes = new long[shardSizes.length];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = (shardSizes[i] + 1 - parity) / 2;
        }
        return new RealDataset(spec, shards.map(block -> block.alternateRows(parity)), sizes,
                Collections.emptySortedMap());
    }

    public void release() {
        shards.unpersist(false);
    }
}
