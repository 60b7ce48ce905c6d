package com.sparkgan.data;

import java.util.Arrays;
import org.apache.spark.api.java.JavaRDD;

/**
 * The real training data, sharded: one persisted partition per worker, each holding its
 * examples as {@link ExampleBlock}s. The driver keeps only the spec and the shard sizes.
 *
 * @param spec the shape, classes and scaling of the data
 * @param shards one partition per worker, persisted serialized in memory and on disk
 * @param shardSizes examples per shard, in partition order
 */
public record RealDataset(DatasetSpec spec, JavaRDD<ExampleBlock> shards, long[] shardSizes) {

    public long count() {
        return Arrays.stream(shardSizes).sum();
    }

    public int workers() {
        return shardSizes.length;
    }

    public long smallestShard() {
        return Arrays.stream(shardSizes).min().orElse(0);
    }

    public void release() {
        shards.unpersist(false);
    }
}
