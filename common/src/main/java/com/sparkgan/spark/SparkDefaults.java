package com.sparkgan.spark;

import com.sparkgan.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;

/**
 * The Spark settings SparkGAN's training needs to move networks quickly, applied where the
 * user has not chosen otherwise; they reach the executors with the application's
 * configuration.
 */
public final class SparkDefaults {
    static final String KRYO = "org.apache.spark.serializer.KryoSerializer";

    private SparkDefaults() {
    }

    public static SparkConf apply(SparkConf conf) {
        // Every round broadcasts the networks and collects each worker's parameters and Adam
        // state; Kryo with block-copied arrays moves them several times faster than Java
        // serialization of ND4J arrays.
        conf.setIfMissing("spark.serializer", KRYO);
        if (KRYO.equals(conf.get("spark.serializer"))) {
            requireRegistrator(conf);
        }
        // A worker's result (parameters and optimiser state: 13 MB for the Fashion-MNIST MLP)
        // otherwise takes a detour through the block manager above 1 MB; Spark still caps
        // direct results at spark.rpc.message.maxSize (128 MB by default).
        conf.setIfMissing("spark.task.maxDirectResultSize", "64m");
        return conf;
    }

    /**
     * Kryo, whether SparkGAN's default or the user's choice, needs SparkGAN's registrator:
     * Spark's Kryo cannot rebuild Java records, and moves ND4J arrays slowly. It joins any
     * registrators the user named.
     */
    private static void requireRegistrator(SparkConf conf) {
        if (conf.getBoolean("spark.kryo.registrationRequired", false)) {
            throw new ConfigException("spark.kryo.registrationRequired=true is not supported: "
                    + "SparkGAN's and dl4j-spark's classes are not registered with Kryo; "
                    + "unset it or choose Java serialization (spark.serializer).");
        }
        List<String> registrators = new ArrayList<>();
        for (String name : conf.get("spark.kryo.registrator", "").split(",")) {
            if (!name.isBlank()) {
                registrators.add(name.trim());
            }
        }
        if (!registrators.contains(SparkGanKryo.class.getName())) {
            registrators.add(SparkGanKryo.class.getName());
            conf.set("spark.kryo.registrator", String.join(",", registrators));
        }
    }
}
