package com.sparkgan.nets;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Moves values between Java arrays and ND4J's native memory in one block copy.
 * {@code Nd4j.create(float[], ...)} writes a native buffer element by element, which costs
 * more than the arithmetic for the arrays a round moves (minibatches, parameters, optimiser
 * state).
 */
public final class NdArrays {
    private NdArrays() {
    }

    /** A c-ordered float array of {@code shape} holding {@code values}. */
    public static INDArray floats(float[] values, long... shape) {
        if (values.length == 0) {
            return Nd4j.create(values, shape, 'c');
        }
        INDArray array = Nd4j.createUninitialized(DataType.FLOAT, shape, 'c');
        memory(array).asFloatBuffer().put(values);
        return array;
    }

    /** The elements of a float array, in c order. */
    public static float[] toFloats(INDArray array) {
        INDArray whole = owningItsElements(array.castTo(DataType.FLOAT));
        float[] values = new float[(int) whole.length()];
        memory(whole).asFloatBuffer().get(values);
        return values;
    }

    /**
     * The array itself when its buffer holds exactly its elements in c order, else a copy
     * that does: views and f-ordered arrays do not.
     */
    public static INDArray owningItsElements(INDArray array) {
        return array.isView() || array.ordering() != 'c' || array.data().length() != array.length()
                ? array.dup('c') : array;
    }

    /** The native memory behind an array that owns its elements, in the machine's order. */
    public static ByteBuffer memory(INDArray array) {
        return array.data().asNio().order(ByteOrder.nativeOrder());
    }
}
