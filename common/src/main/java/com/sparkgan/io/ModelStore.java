package com.sparkgan.io;

import com.sparkgan.data.DatasetSpec;
import com.sparkgan.data.Scaling;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * Saves and loads the files of a model folder ({@code model/} or a checkpoint): the DL4J
 * model files of the networks and {@code dataset.json}, which says how to turn generator
 * output back into data of the input's shape and scale.
 */
public final class ModelStore {
    public static final String GENERATOR = "generator.zip";
    /** The moving average of the generator's weights, when the run keeps one. */
    public static final String GENERATOR_AVERAGE = "generator-ema.zip";
    public static final String DISCRIMINATOR = "discriminator.zip";
    public static final String ADVERSARIAL = "adversarial.zip";
    public static final String DATASET = "dataset.json";
    public static final String STATE = "state.json";

    private ModelStore() {
    }

    /** Writes one network, with its optimiser state when {@code withUpdater}. */
    public static void saveNetwork(Model network, Path file, Configuration conf,
                                   boolean withUpdater) {
        HadoopFiles.write(file, conf, out -> ModelSerializer.writeModel(network, out,
                withUpdater));
    }

    public static MultiLayerNetwork loadNetwork(Path file, Configuration conf,
                                                boolean withUpdater) {
        return load(file, conf, in -> ModelSerializer.restoreMultiLayerNetwork(in,
                withUpdater));
    }

    /** Loads one of the GAN's networks (a computation graph). */
    public static ComputationGraph loadGraph(Path file, Configuration conf,
                                             boolean withUpdater) {
        return load(file, conf, in -> ModelSerializer.restoreComputationGraph(in,
                withUpdater));
    }

    /** Reads one model file: a missing or unreadable file is one clear storage error. */
    private static <T> T load(Path file, Configuration conf, Restorer<T> restorer) {
        HadoopFiles.requireFile(file, conf, "model file");
        try (InputStream in = HadoopFiles.fileSystem(file, conf).open(file)) {
            return restorer.restore(in);
        } catch (IOException | RuntimeException e) {
            throw new StorageException("Cannot load the model " + file + ": "
                    + HadoopFiles.reason(e) + ".", e);
        }
    }

    @FunctionalInterface
    private interface Restorer<T> {
        T restore(InputStream in) throws IOException;
    }

    /**
     * The generator to sample from.
     *
     * @param averaged the moving average of its weights ({@link #GENERATOR_AVERAGE}), which
     *                 must then be there: sampling quietly from the raw weights instead would
     *                 hand out other data than the run's own samples and evaluation showed;
     *                 null: the average when the folder has one
     */
    public static ComputationGraph loadSamplingGenerator(Path folder, Configuration conf,
                                                         Boolean averaged) {
        Path average = new Path(folder, GENERATOR_AVERAGE);
        boolean useAverage = averaged != null ? averaged : HadoopFiles.exists(average, conf);
        if (useAverage && !HadoopFiles.exists(average, conf)) {
            throw new StorageException(folder + " has no " + GENERATOR_AVERAGE + ", though its "
                    + "run samples with the moving average of the generator (train.generator-ema"
                    + " > 0); copy the model folder whole, or pass --set train.generator-ema=0 "
                    + "to sample with the trained weights.");
        }
        return loadGraph(useAverage ? average : new Path(folder, GENERATOR), conf, false);
    }

    /** The highest round of {@code checkpoints/} whose folder is complete, or 0. */
    public static int latestCheckpoint(RunLayout layout, Configuration conf) {
        Path folder = layout.checkpoints();
        try {
            org.apache.hadoop.fs.FileSystem fs = HadoopFiles.fileSystem(folder, conf);
            if (!fs.exists(folder)) {
                return 0;
            }
            int latest = 0;
            for (org.apache.hadoop.fs.FileStatus status : fs.listStatus(folder)) {
                String name = status.getPath().getName();
                if (name.matches("round-[0-9]{6,}") && fs.exists(new Path(status.getPath(),
                        AtomicFolder.SUCCESS_MARKER))) {
                    latest = Math.max(latest, Integer.parseInt(name.substring(6)));
                }
            }
            return latest;
        } catch (IOException e) {
            throw new StorageException("Cannot list " + folder + ": " + HadoopFiles.reason(e)
                    + ".", e);
        }
    }

    public static void saveDatasetSpec(DatasetSpec spec, Path file, Configuration conf) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("feature_count", spec.featureCount());
        json.put("image_height", spec.imageHeight());
        json.put("image_width", spec.imageWidth());
        json.put("class_count", spec.classCount());
        json.put("columns", spec.columns());
        double[] min = new double[spec.featureCount()];
        double[] max = new double[spec.featureCount()];
        for (int c = 0; c < min.length; c++) {
            min[c] = spec.scaling().min(c);
            max[c] = spec.scaling().max(c);
        }
        json.put("scaling_min", min);
        json.put("scaling_max", max);
        json.put("source", spec.source());
        HadoopFiles.writeText(file, conf, Json.pretty(json));
    }

    @SuppressWarnings("unchecked")
    public static DatasetSpec loadDatasetSpec(Path file, Configuration conf) {
        HadoopFiles.requireFile(file, conf, "dataset description");
        Map<String, Object> json = Json.parse(HadoopFiles.readText(file, conf), file.toString());
        try {
            return new DatasetSpec(((Number) json.get("feature_count")).intValue(),
                    ((Number) json.get("image_height")).intValue(),
                    ((Number) json.get("image_width")).intValue(),
                    ((Number) json.get("class_count")).intValue(),
                    (List<String>) json.get("columns"),
                    new Scaling(doubles(json.get("scaling_min")),
                            doubles(json.get("scaling_max"))),
                    (String) json.get("source"));
        } catch (RuntimeException e) {
            throw new StorageException(file + " is not a SparkGAN dataset description: "
                    + HadoopFiles.reason(e) + ".", e);
        }
    }

    private static double[] doubles(Object list) {
        return ((List<?>) list).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }
}
