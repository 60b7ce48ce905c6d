package com.sparkgan.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.sparkgan.nets.NdArrays;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Writes ND4J arrays for Spark as one block copy of their memory. ND4J's own serialization
 * (Java or its Kryo registrator) moves an array element by element through the native
 * buffer, and parameter averaging ships every network's parameters and optimiser state to
 * each worker and back every round: for the MLP this was most of a round's time.
 *
 * <p>Float and double arrays take the block path (the networks hold nothing else); any other
 * type falls back to ND4J's own format, which cannot hold empty arrays: those travel as their
 * type and shape. The block is the machine's own byte
 * order, so driver and executors must share it (every platform ND4J ships for is
 * little-endian).
 */
final class NdArrayKryoSerializer extends Serializer<INDArray> {
    private static final byte BLOCK = 1;
    private static final byte ND4J_FORMAT = 2;
    private static final byte EMPTY = 3;

    @Override
    public void write(Kryo kryo, Output output, INDArray array) {
        DataType type = array.dataType();
        if (array.isEmpty()) {
            output.writeByte(EMPTY);
            output.writeString(type.name());
            writeShape(output, array.shape());
            return;
        }
        if (type != DataType.FLOAT && type != DataType.DOUBLE) {
            output.writeByte(ND4J_FORMAT);
            try {
                Nd4j.write(array, new DataOutputStream(output));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        INDArray whole = NdArrays.owningItsElements(array);
        output.writeByte(BLOCK);
        output.writeBoolean(type == DataType.DOUBLE);
        writeShape(output, whole.shape());
        byte[] bytes = new byte[(int) (whole.length() * type.width())];
        NdArrays.memory(whole).get(bytes);
        output.writeInt(bytes.length, true);
        output.writeBytes(bytes);
    }

    @Override
    public INDArray read(Kryo kryo, Input input, Class<INDArray> arrayClass) {
        byte format = input.readByte();
        if (format == ND4J_FORMAT) {
            return Nd4j.read(new DataInputStream(input));
        }
        if (format == EMPTY) {
            DataType type = DataType.valueOf(input.readString());
            long[] shape = readShape(input);
            return shape.length == 0 ? Nd4j.empty(type) : Nd4j.create(type, shape);
        }
        DataType type = input.readBoolean() ? DataType.DOUBLE : DataType.FLOAT;
        long[] shape = readShape(input);
        byte[] bytes = input.readBytes(input.readInt(true));
        INDArray array = Nd4j.createUninitialized(type, shape, 'c');
        NdArrays.memory(array).put(bytes);
        return array;
    }

    private static void writeShape(Output output, long[] shape) {
        output.writeInt(shape.length, true);
        for (long size : shape) {
            output.writeLong(size, true);
        }
    }

    private static long[] readShape(Input input) {
        long[] shape = new long[input.readInt(true)];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = input.readLong(true);
        }
        return shape;
    }
}
