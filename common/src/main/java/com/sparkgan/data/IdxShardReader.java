package com.sparkgan.data;

import com.sparkgan.io.HadoopConf;
import com.sparkgan.io.HadoopFiles;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import org.apache.hadoop.fs.Path;

/**
 * Reads a contiguous range of items of an IDX images file (and of its labels file) on an
 * executor. Each shard opens the file itself and skips to its range, so the driver never
 * touches the data and no shuffle is needed to shard it.
 */
final class IdxShardReader implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String images;
    private final String labels;
    private final Scaling scaling;
    private final HadoopConf conf;

    IdxShardReader(String images, String labels, Scaling scaling, HadoopConf conf) {
        this.images = images;
        this.labels = labels;
        this.scaling = scaling;
        this.conf = conf;
    }

    /** Reads items {@code [start, end)} and scales their bytes to [-1, 1]. */
    ExampleBlock read(int start, int end) throws IOException {
        int rows = end - start;
        float[] features;
        int width;
        try (InputStream in = HadoopFiles.openMaybeGzipped(new Path(images), conf.get())) {
            IdxHeader header = IdxHeader.read(in, 3, images);
            width = header.itemSize();
            byte[] raw = readRange(in, start, rows, width, images);
            features = new float[raw.length];
            for (int i = 0; i < raw.length; i++) {
                features[i] = scaling.toUnit(i % width, raw[i] & 0xff);
            }
        }
        int[] classes = null;
        if (labels != null) {
            try (InputStream in = HadoopFiles.openMaybeGzipped(new Path(labels), conf.get())) {
                IdxHeader.read(in, 1, labels);
                byte[] raw = readRange(in, start, rows, 1, labels);
                classes = new int[rows];
                for (int i = 0; i < rows; i++) {
                    classes[i] = raw[i] & 0xff;
                }
            }
        }
        return new ExampleBlock(features, classes, width);
    }

    private static byte[] readRange(InputStream in, int start, int rows, int itemSize,
                                    String source) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] out = new byte[Math.multiplyExact(rows, itemSize)];
        try {
            long toSkip = (long) start * itemSize;
            while (toSkip > 0) {
                long skipped = data.skip(toSkip);
                if (skipped <= 0) {
                    data.readByte();
                    skipped = 1;
                }
                toSkip -= skipped;
            }
            data.readFully(out);
        } catch (EOFException e) {
            throw new DataFormatException(source + " is truncated: it ends within items "
                    + (start + 1) + " to " + (start + rows) + ", which its header promises.");
        }
        return out;
    }
}
