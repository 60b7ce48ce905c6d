package com.sparkgan.generate;

import com.sparkgan.data.DataFormatException;
import com.sparkgan.data.DatasetSpec;
import com.sparkgan.io.HadoopConf;
import com.sparkgan.io.HadoopFiles;
import com.sparkgan.train.NetworkState;
import com.sparkgan.train.NoiseSource;
import com.sparkgan.train.Seeds;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.apache.hadoop.fs.Path;
import org.apache.spark.broadcast.Broadcast;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runs on an executor: generates one partition's synthetic examples from the broadcast
 * generator, with the partition's own seed, and writes them as one part file.
 */
final class PartWriter implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int BATCH = 256;

    private final Broadcast<NetworkState> generator;
    private final DatasetSpec spec;
    private final NoiseSource noise;
    private final SyntheticFormat format;
    private final long seed;
    private final String folder;
    private final HadoopConf conf;

    PartWriter(Broadcast<NetworkState> generator, DatasetSpec spec, NoiseSource noise,
               SyntheticFormat format, long seed, String folder, HadoopConf conf) {
        this.generator = generator;
        this.spec = spec;
        this.noise = noise;
        this.format = format;
        this.seed = seed;
        this.folder = folder;
        this.conf = conf;
    }

    static String partName(int partition, SyntheticFormat format) {
        return String.format("part-%05d.%s", partition, format == SyntheticFormat.IDX
                ? "bin" : "csv");
    }

    /** Writes {@code count} examples and returns the count written. */
    long write(int partition, int count) throws IOException {
        MultiLayerNetwork network = generator.value().rebuild();
        SplittableRandom random = new SplittableRandom(
                Seeds.derive(seed, Seeds.Stream.GENERATE, 0, partition));
        Path file = new Path(folder, partName(partition, format));
        try (OutputStream out = new BufferedOutputStream(
                HadoopFiles.fileSystem(file, conf.get()).create(file, true), 1 << 16)) {
            if (format == SyntheticFormat.CSV) {
                out.write((String.join(",", spec.columns()) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            for (int done = 0; done < count; done += BATCH) {
                int rows = Math.min(BATCH, count - done);
                INDArray output = network.output(noise.draw(rows, random), false);
                if (output.length() != (long) rows * spec.featureCount()) {
                    throw new DataFormatException("The generator makes examples of "
                            + output.length() / rows + " values, but its dataset description "
                            + "says " + spec.featureCount() + "; the model folder is "
                            + "inconsistent.");
                }
                float[][] examples = output.reshape('c', rows, spec.featureCount())
                        .toFloatMatrix();
                for (float[] example : examples) {
                    out.write(format == SyntheticFormat.IDX ? pixels(example) : csvRow(example));
                }
            }
        }
        return count;
    }

    private byte[] pixels(float[] example) {
        byte[] bytes = new byte[example.length];
        for (int c = 0; c < example.length; c++) {
            long value = Math.round(spec.scaling().fromUnit(c, example[c]));
            bytes[c] = (byte) Math.max(0, Math.min(255, value));
        }
        return bytes;
    }

    private byte[] csvRow(float[] example) {
        StringBuilder row = new StringBuilder();
        for (int c = 0; c < example.length; c++) {
            row.append(c == 0 ? "" : ",").append((float) spec.scaling().fromUnit(c, example[c]));
        }
        return row.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }
}
