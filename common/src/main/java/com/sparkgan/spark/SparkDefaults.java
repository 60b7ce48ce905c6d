package com.sparkgan.spark;

import org.apache.spark.SparkConf;

/**
 * The Spark settings SparkGAN's training needs to move networks quickly, applied where the
 * user has not chosen otherwise; they reach the executors with the application's
 * configuration.
 */
public final class SparkDefaults {
    private SparkDefaults() {
    }

    public static SparkConf apply(SparkConf conf) {
        // Every round broadcasts the networks and collects each worker's parameters and Adam
        // state; Kryo with block-copied arrays moves them several times faster than Java
        // serialization of ND4J arrays.
        if (!conf.contains("spark.serializer")) {
            conf.set("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
            conf.setIfMissing("spark.kryo.registrator", SparkGanKryo.class.getName());
        }
        // A worker's result (parameters and optimiser state: 13 MB for the Fashion-MNIST MLP)
        // otherwise takes a detour through the block manager above 1 MB; Spark still caps
        // direct results at spark.rpc.message.maxSize (128 MB by default).
        conf.setIfMissing("spark.task.maxDirectResultSize", "64m");
        return conf;
    }
}
