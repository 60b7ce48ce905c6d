package com.sparkgan.spark;

import com.esotericsoftware.kryo.Kryo;
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
}
