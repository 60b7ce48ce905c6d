package com.sparkgan.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sparkgan.config.ConfigException;
import com.sparkgan.evaluate.FeatureRow;
import com.sparkgan.testing.LocalSpark;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

class SparkGanKryoTest {
    private final SerializerInstance kryo = new KryoSerializer(
            SparkDefaults.apply(new SparkConf())).newInstance();

    @SuppressWarnings("unchecked")
    private static <T> ClassTag<T> tag() {
        return (ClassTag<T>) ClassTag$.MODULE$.AnyRef();
    }

    private <T> T roundTrip(T value) {
        return kryo.deserialize(kryo.serialize(value, tag()), tag());
    }

    private void assertSame(INDArray expected, INDArray actual) {
        assertEquals(expected.dataType(), actual.dataType());
        assertArrayEquals(expected.shape(), actual.shape());
        assertEquals(expected, actual);
    }

    @Test
    void floatAndDoubleArraysComeBackExactly() {
        INDArray floats = Nd4j.rand(DataType.FLOAT, 3, 5).subi(0.5);
        floats.putScalar(0, 0, Float.MIN_VALUE);
        floats.putScalar(2, 4, -Float.MAX_VALUE);
        assertSame(floats, roundTrip(floats));
        INDArray doubles = Nd4j.rand(DataType.DOUBLE, 1, 7);
        assertSame(doubles, roundTrip(doubles));
    }

    @Test
    void viewsAndFortranOrderedArraysTravelAsTheirOwnElements() {
        INDArray matrix = Nd4j.arange(24).castTo(DataType.FLOAT).reshape('c', 4, 6);
        INDArray column = matrix.getColumn(2);
        assertSame(column, roundTrip(column));
        INDArray fortran = matrix.dup('f');
        INDArray back = roundTrip(fortran);
        assertSame(matrix, back);
        assertEquals('c', back.ordering());
    }

    @Test
    void otherTypesAndEmptyArraysComeBackToo() {
        INDArray ints = Nd4j.createFromArray(3, -1, 7);
        assertSame(ints, roundTrip(ints));
        INDArray empty = Nd4j.empty(DataType.FLOAT);
        assertEquals(0, roundTrip(empty).length());
        INDArray noRows = Nd4j.create(DataType.FLOAT, 0, 3);
        assertArrayEquals(new long[] {0, 3}, roundTrip(noRows).shape());
    }

    @Test
    void recordsSurviveAsJavaSerializedValues() {
        FeatureRow row = new FeatureRow(new float[] {1.5f, -2f}, 3, 4);
        FeatureRow back = roundTrip(row);
        assertArrayEquals(row.features(), back.features());
        assertEquals(4, back.label());
    }

    @Test
    void aSerializerTheUserChoseIsKept() {
        SparkConf conf = SparkDefaults.apply(new SparkConf()
                .set("spark.serializer", "org.apache.spark.serializer.JavaSerializer"));
        assertEquals("org.apache.spark.serializer.JavaSerializer", conf.get("spark.serializer"));
        assertEquals(false, conf.contains("spark.kryo.registrator"));
    }

    @Test
    void kryoChosenByTheUserGetsTheRegistratorBesideTheirs() {
        SparkConf plain = SparkDefaults.apply(new SparkConf()
                .set("spark.serializer", SparkDefaults.KRYO));
        assertEquals(SparkGanKryo.class.getName(), plain.get("spark.kryo.registrator"));
        SparkConf theirs = SparkDefaults.apply(new SparkConf()
                .set("spark.serializer", SparkDefaults.KRYO)
                .set("spark.kryo.registrator", "com.example.TheirRegistrator"));
        assertEquals("com.example.TheirRegistrator," + SparkGanKryo.class.getName(),
                theirs.get("spark.kryo.registrator"));
        FeatureRow row = new FeatureRow(new float[] {1f}, 0, 1);
        assertEquals(1, new KryoSerializer(plain).newInstance().<FeatureRow>deserialize(
                new KryoSerializer(plain).newInstance().serialize(row, tag()), tag()).label());
    }

    @Test
    void requiredRegistrationIsRefusedInOneSentence() {
        ConfigException refused = assertThrows(ConfigException.class, () -> SparkDefaults.apply(
                new SparkConf().set("spark.kryo.registrationRequired", "true")));
        assertTrue(refused.getMessage().startsWith("spark.kryo.registrationRequired=true is "
                + "not supported"), refused.getMessage());
    }

    @Test
    void theSharedTestSparkUsesIt() {
        assertEquals(SparkGanKryo.class.getName(),
                LocalSpark.get().getConf().get("spark.kryo.registrator"));
        assertEquals("64m", LocalSpark.get().getConf().get("spark.task.maxDirectResultSize"));
        List<float[]> rows = LocalSpark.get().parallelize(List.of(1, 2, 3), 3)
                .map(i -> Nd4j.valueArrayOf(new long[] {2, 2}, i, DataType.FLOAT))
                .map(a -> a.mul(2))
                .collect().stream().map(a -> a.data().asFloat()).toList();
        assertArrayEquals(new float[] {6, 6, 6, 6}, rows.get(2));
    }
}
