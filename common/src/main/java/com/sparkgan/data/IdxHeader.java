package com.sparkgan.data;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The header of an IDX file (the MNIST family's format): two zero bytes, a type byte (0x08
 * for unsigned bytes), a dimension count, then one big-endian 32-bit size per dimension.
 *
 * @param dimensions the sizes; the first is the number of items
 */
public record IdxHeader(int[] dimensions) {
    private static final int UNSIGNED_BYTE = 0x08;

    /** Reads and checks the header; {@code expectedDimensions} is 3 for images, 1 for labels. */
    public static IdxHeader read(InputStream in, int expectedDimensions, String source)
            throws IOException {
        DataInputStream data = new DataInputStream(in);
        int magic;
        try {
            magic = data.readInt();
        } catch (EOFException e) {
            throw new DataFormatException(source + " is too short to be an IDX file.");
        }
        int type = (magic >>> 8) & 0xff;
        int dimensionCount = magic & 0xff;
        if ((magic >>> 16) != 0 || type != UNSIGNED_BYTE || dimensionCount != expectedDimensions) {
            throw new DataFormatException(String.format(
                    "%s has the magic number 0x%08x, not the 0x%08x of an IDX %s file.", source,
                    magic, (UNSIGNED_BYTE << 8) | expectedDimensions,
                    expectedDimensions == 1 ? "labels" : "images"));
        }
        int[] dims = new int[dimensionCount];
        try {
            for (int i = 0; i < dimensionCount; i++) {
                dims[i] = data.readInt();
                if (dims[i] <= 0) {
                    throw new DataFormatException(source + " declares a dimension of size "
                            + dims[i] + ".");
                }
            }
        } catch (EOFException e) {
            throw new DataFormatException(source + " ends inside its IDX header.");
        }
        return new IdxHeader(dims);
    }

    public int count() {
        return dimensions[0];
    }

    /** Bytes per item: the product of every dimension but the first. */
    public int itemSize() {
        int size = 1;
        for (int i = 1; i < dimensions.length; i++) {
            size = Math.multiplyExact(size, dimensions[i]);
        }
        return size;
    }

    public int byteLength() {
        return 4 + 4 * dimensions.length;
    }

    /** The header's bytes, for writing an IDX file of {@code count} items of this shape. */
    public static byte[] encode(int... dimensions) {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(4 + 4 * dimensions.length);
        buffer.putInt((UNSIGNED_BYTE << 8) | dimensions.length);
        for (int d : dimensions) {
            buffer.putInt(d);
        }
        return buffer.array();
    }
}
