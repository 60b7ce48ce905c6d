package com.sparkgan.spark;

import com.esotericsoftware.kryo.Kryo;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoRegistrator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Spark's Kryo serialization, set up for SparkGAN: ND4J arrays as block copies
 * ({@link NdArrayKryoSerializer}) and Java records by their components
 * ({@link RecordKryoSerializer}).
 */
public final class SparkGanKryo implements KryoRegistrator {
    @Override
    public void registerClasses(Kryo kryo) {
        kryo.addDefaultSerializer(INDArray.class, new NdArrayKryoSerializer());
        kryo.addDefaultSerializer(Record.class, new RecordKryoSerializer());
    }

    /**
     * Selects Kryo with this registrator unless the user chose a serializer already; both
     * settings reach the executors with the application's configuration.
     */
    public static SparkConf configure(SparkConf conf) {
        if (!conf.contains("spark.serializer")) {
            conf.set("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
            conf.setIfMissing("spark.kryo.registrator", SparkGanKryo.class.getName());
        }
        return conf;
    }
}
