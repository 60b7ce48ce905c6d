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
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.broadcast.Broadcast;
import com.sparkgan.nets.GanInputs;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runs on an executor: generates one partition's synthetic examples from the broadcast
 * generator, with the partition's own seed, and writes them as one part file (and, for a
 * conditional generator writing IDX, one labels part beside it).
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
    private final ClassPlan classes;

    /** @param classes the labels to generate, or null for an unconditional generator */
    PartWriter(Broadcast<NetworkState> generator, DatasetSpec spec, NoiseSource noise,
               SyntheticFormat format, long seed, String folder, HadoopConf conf,
               ClassPlan classes) {
        this.classes = classes;
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

    static String labelPartName(int partition) {
        return String.format("part-%05d.labels", partition);
    }

    /**
     * Writes the {@code count} examples that start at position {@code start} of the whole
     * output and returns the count written.
     */
    long write(int partition, long start, int count) throws IOException {
        ComputationGraph network = generator.value().rebuildGraph();
        SplittableRandom random = new SplittableRandom(
                Seeds.derive(seed, Seeds.Stream.GENERATE, 0, partition));
        Path file = new Path(folder, partName(partition, format));
        Path labelFile = new Path(folder, labelPartName(partition));
        boolean labelPart = classes != null && format == SyntheticFormat.IDX;
        try (OutputStream out = open(file);
             OutputStream labelOut = labelPart ? open(labelFile)
                     : OutputStream.nullOutputStream()) {
            if (format == SyntheticFormat.CSV) {
                out.write((String.join(",", spec.columns()) + (classes != null ? ",label" : "")
                        + "\n").getBytes(StandardCharsets.UTF_8));
            }
            for (int done = 0; done < count; done += BATCH) {
                int rows = Math.min(BATCH, count - done);
                int[] labels = labels(start + done, rows);
                INDArray output = network.output(false, GanInputs.of(noise.draw(rows, random),
                        labels, classes == null ? 0 : classes.classes()))[0];
                if (output.length() != (long) rows * spec.featureCount()) {
                    throw new DataFormatException("The generator makes examples of "
                            + output.length() / rows + " values, but its dataset description "
                            + "says " + spec.featureCount() + "; the model folder is "
                            + "inconsistent.");
                }
                float[][] examples = output.reshape('c', rows, spec.featureCount())
                        .toFloatMatrix();
                for (int i = 0; i < rows; i++) {
                    int label = labels == null ? -1 : labels[i];
                    out.write(format == SyntheticFormat.IDX ? pixels(examples[i])
                            : csvRow(examples[i], label));
                    if (labelPart) {
                        labelOut.write(label);
                    }
                }
            }
        }
        return count;
    }

    /**
     * Opens a part in the folder the driver made for it, never creating that folder: a task
     * still running after its job failed and the folder was cleared must not bring it back.
     */
    private OutputStream open(Path file) throws IOException {
        FileSystem fs = HadoopFiles.fileSystem(file, conf.get());
        return new BufferedOutputStream(fs.createNonRecursive(file, true, 1 << 16,
                fs.getDefaultReplication(file), fs.getDefaultBlockSize(file), null), 1 << 16);
    }

    private int[] labels(long first, int rows) {
        if (classes == null) {
            return null;
        }
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = classes.labelAt(first + i);
        }
        return labels;
    }

    private byte[] pixels(float[] example) {
        byte[] bytes = new byte[example.length];
        for (int c = 0; c < example.length; c++) {
            long value = Math.round(spec.scaling().fromUnit(c, example[c]));
            bytes[c] = (byte) Math.max(0, Math.min(255, value));
        }
        return bytes;
    }

    private byte[] csvRow(float[] example, int label) {
        StringBuilder row = new StringBuilder();
        for (int c = 0; c < example.length; c++) {
            row.append(c == 0 ? "" : ",").append((float) spec.scaling().fromUnit(c, example[c]));
        }
        if (label >= 0) {
            row.append(',').append(label);
        }
        return row.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }
}
