package com.sparkgan.jobs;

import com.sparkgan.config.ConfigException;
import com.sparkgan.config.ConfigKeys;
import com.sparkgan.config.JobConfig;
import com.sparkgan.data.DatasetLoader;
import com.sparkgan.data.RealDataset;
import com.sparkgan.evaluate.EvaluationSettings;
import com.sparkgan.evaluate.ImageEvaluation;
import com.sparkgan.evaluate.QualityGate;
import com.sparkgan.evaluate.QualityGateException;
import com.sparkgan.evaluate.RingModes;
import com.sparkgan.io.AtomicFolder;
import com.sparkgan.io.HadoopFiles;
import com.sparkgan.io.ModelStore;
import com.sparkgan.io.RunLayout;
import com.sparkgan.io.StorageException;
import com.sparkgan.report.RunReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Real vs synthetic images to metrics, the run report and quality gates. */
final class EvaluationJob {
    private static final Logger LOG = LoggerFactory.getLogger(EvaluationJob.class);

    /**
     * What to compare.
     *
     * @param real the real training data
     * @param realTest real held-out data, or null to hold out every other real example
     * @param synthetic the synthetic images file
     * @param featureModel where the feature classifier is loaded from or saved to, or null
     */
    record Inputs(String real, String realTest, String synthetic, String featureModel) {
    }

    private EvaluationJob() {
    }

    /** Parses and checks every gate before any work is done. */
    static List<QualityGate> gates(JobConfig config, List<String> failIf) {
        List<String> all = new ArrayList<>(config.get(ConfigKeys.EVALUATE_GATES));
        all.addAll(failIf);
        List<QualityGate> gates = new ArrayList<>();
        for (String text : all) {
            QualityGate gate = QualityGate.parse(text);
            gate.requireKnown(QualityGate.ALL_METRICS);
            gates.add(gate);
        }
        return gates;
    }

    /** The synthetic images file inside a run folder or a synthetic folder, or the URI. */
    static String syntheticImages(String uri, Configuration hadoop) {
        Path given = HadoopFiles.path(uri);
        for (Path folder : List.of(new Path(given, "synthetic"), given)) {
            for (String name : List.of("images-idx3-ubyte.gz", "images-idx3-ubyte")) {
                Path file = new Path(folder, name);
                if (HadoopFiles.exists(file, hadoop)) {
                    if (!HadoopFiles.exists(new Path(folder, AtomicFolder.SUCCESS_MARKER),
                            hadoop)) {
                        throw new StorageException(folder + " has no _SUCCESS marker: its "
                                + "synthetic data are incomplete.");
                    }
                    return file.toString();
                }
            }
        }
        HadoopFiles.requireFile(given, hadoop, "synthetic data");
        return uri;
    }

    /** Evaluates, writes the report into {@code layout}, and fails when a gate holds. */
    static Map<String, Object> run(JavaSparkContext spark, JobConfig config, Inputs inputs,
                                   RunLayout layout, String published,
                                   List<QualityGate> gates) {
        Configuration hadoop = spark.hadoopConfiguration();
        int workers = config.get(ConfigKeys.WORKERS) > 0 ? config.get(ConfigKeys.WORKERS)
                : spark.defaultParallelism();
        DatasetLoader loader = new DatasetLoader(spark, config);
        RealDataset real = loader.load(inputs.real(), workers);
        requireLabelledImages(real);
        RealDataset realTest = inputs.realTest() == null ? null
                : loader.load(inputs.realTest(), workers, real.spec().scaling());
        if (realTest != null && !realTest.spec().hasLabels()) {
            throw new ConfigException("The held-out data " + inputs.realTest() + " have no "
                    + "labels, which the classifier's accuracy needs; give its labels file.");
        }
        RealDataset synthetic = loader.load(inputs.synthetic(), workers, real.spec().scaling());
        ImageEvaluation evaluation = new ImageEvaluation(spark, EvaluationSettings.from(config));
        ImageEvaluation.RealSplit split = ImageEvaluation.RealSplit.of(real, realTest);
        MultiLayerNetwork classifier = featureClassifier(evaluation, split, inputs, hadoop);
        Map<String, Object> metrics = evaluation.evaluate(split, synthetic, classifier);
        List<String> failures = failures(gates, metrics);
        Path report = new RunReport(layout, hadoop, published).write(metrics, failures);
        LOG.info(String.format(java.util.Locale.ROOT, "Evaluation: fid=%.4g (floor %.4g), "
                        + "coverage=%s/%s, precision=%.3f, recall=%.3f, memorisation=%.3f; "
                        + "report %s", metrics.get("fid"), metrics.get("fid_floor"),
                metrics.get("coverage"), metrics.get("classes"), metrics.get("precision"),
                metrics.get("recall"), metrics.get("memorisation"), report));
        real.release();
        synthetic.release();
        if (realTest != null) {
            realTest.release();
        }
        requirePassed(failures);
        return metrics;
    }

    /**
     * The ring8 benchmark's evaluation of the run's synthetic points: modes covered and the
     * share of high-quality samples; writes the report and fails when a gate holds.
     */
    static Map<String, Object> runRing(JavaSparkContext spark, RunLayout layout,
                                       String published, List<QualityGate> gates) {
        Map<String, Object> metrics = RingModes.evaluate(spark, layout.synthetic()
                + "/part-*.csv");
        List<String> failures = failures(gates, metrics);
        Path report = new RunReport(layout, spark.hadoopConfiguration(), published)
                .write(metrics, failures);
        LOG.info("Evaluation: {} of {} modes covered, {} of the samples of high quality; "
                        + "report {}", metrics.get("modes_covered"), metrics.get("modes"),
                String.format(java.util.Locale.ROOT, "%.3f", metrics.get("high_quality")),
                report);
        requirePassed(failures);
        return metrics;
    }

    private static List<String> failures(List<QualityGate> gates, Map<String, Object> metrics) {
        List<String> failures = new ArrayList<>();
        for (QualityGate gate : gates) {
            if (!metrics.containsKey(gate.metric())) {
                throw new ConfigException("The quality gate '" + gate + "' names "
                        + gate.metric() + ", which this evaluation did not compute (it needs "
                        + (RingModes.METRICS.contains(gate.metric()) ? "the ring8 data"
                        : "labelled synthetic images") + "); remove the gate.");
            }
            if (gate.fails(metrics)) {
                failures.add(gate.failure(metrics));
            }
        }
        return failures;
    }

    private static void requirePassed(List<String> failures) {
        if (!failures.isEmpty()) {
            throw new QualityGateException(String.join("; ", failures) + ".");
        }
    }

    private static void requireLabelledImages(RealDataset real) {
        if (!real.spec().isImage() || !real.spec().hasLabels()) {
            real.release();
            throw new ConfigException("evaluate needs labelled image data, but "
                    + real.spec().source() + (real.spec().isImage() ? " has no labels"
                    : " is not images") + "; the metrics of tables are not available yet.");
        }
    }

    private static MultiLayerNetwork featureClassifier(ImageEvaluation evaluation,
                                                       ImageEvaluation.RealSplit split,
                                                       Inputs inputs, Configuration hadoop) {
        if (inputs.featureModel() != null) {
            Path file = HadoopFiles.path(inputs.featureModel());
            if (HadoopFiles.exists(file, hadoop)) {
                MultiLayerNetwork loaded = ModelStore.loadNetwork(file, hadoop, false);
                int classes = split.training().spec().classCount();
                if (loaded.getnLayers() != 3 || loaded.layerSize(2) != classes) {
                    throw new ConfigException("The feature model " + file + " is not a "
                            + "SparkGAN feature classifier of " + classes + " classes; name "
                            + "another --feature-model.");
                }
                if (loaded.layerInputSize(0) != split.training().spec().featureCount()) {
                    throw new ConfigException("The feature model " + file + " reads "
                            + loaded.layerInputSize(0) + " values, but the data have "
                            + split.training().spec().featureCount() + "; name another "
                            + "--feature-model.");
                }
                LOG.info("Loaded the feature classifier from {}", file);
                return loaded;
            }
            MultiLayerNetwork trained = evaluation.trainClassifier(split.training());
            ModelStore.saveNetwork(trained, file, hadoop, false);
            LOG.info("Saved the feature classifier to {}", file);
            return trained;
        }
        return evaluation.trainClassifier(split.training());
    }
}
