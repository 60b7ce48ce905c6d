package com.sparkgan.evaluate;

import com.sparkgan.data.RealDataset;
import com.sparkgan.train.NetworkState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quality metrics of synthetic images against real ones, each beside its reference value
 * (the same metric for real held-out data), so that a number can be read:
 * Fréchet distance in the feature classifier's space, class coverage and class KL
 * divergence, precision and recall, memorisation, and train-on-synthetic/test-on-real
 * accuracy when the synthetic data have labels.
 */
public final class ImageEvaluation {
    private static final Logger LOG = LoggerFactory.getLogger(ImageEvaluation.class);
    /** A class counts as covered when it receives at least this share of the samples. */
    public static final double COVERAGE_SHARE = 0.02;
    private static final double KL_EPSILON = 1e-6;

    private final JavaSparkContext spark;
    private final EvaluationSettings settings;

    public ImageEvaluation(JavaSparkContext spark, EvaluationSettings settings) {
        this.spark = spark;
        this.settings = settings;
    }

    /** The real data to train on and the real data held out from it. */
    public record RealSplit(RealDataset training, RealDataset heldOut, String heldOutSource) {
        /** Held-out data given apart, or else the odd rows of every shard. */
        public static RealSplit of(RealDataset real, RealDataset realTest) {
            if (realTest != null) {
                return new RealSplit(real, realTest, realTest.spec().source());
            }
            return new RealSplit(real.alternateRows(0), real.alternateRows(1),
                    "every other example of " + real.spec().source());
        }
    }

    public MultiLayerNetwork trainClassifier(RealDataset training) {
        long started = System.nanoTime();
        MultiLayerNetwork classifier = FeatureClassifier.train(spark, training,
                training.spec().classCount(), settings.classifierSteps(), settings.seed(), 0);
        LOG.info("Trained the feature classifier on {} examples in {} s", training.count(),
                String.format("%.1f", (System.nanoTime() - started) / 1e9));
        return classifier;
    }

    public Map<String, Object> evaluate(RealSplit real, RealDataset synthetic,
                                        MultiLayerNetwork classifier) {
        long started = System.nanoTime();
        Broadcast<NetworkState> state = spark.broadcast(NetworkState.of(classifier));
        JavaRDD<FeatureRow> trainFeatures = Features.of(real.training(), state);
        JavaRDD<FeatureRow> heldFeatures = Features.of(real.heldOut(), state);
        JavaRDD<FeatureRow> synthFeatures = Features.of(synthetic, state);
        Map<String, Object> m = new LinkedHashMap<>();
        try {
            spark.setJobDescription("evaluate: feature statistics");
            GaussianStats trainStats = stats(trainFeatures);
            m.put("fid", GaussianStats.frechetDistance(trainStats, stats(synthFeatures)));
            m.put("fid_floor", GaussianStats.frechetDistance(trainStats, stats(heldFeatures)));
            int classes = real.training().spec().classCount();
            double[] realClasses = labelShares(trainFeatures, classes);
            double[] synthClasses = predictedShares(synthFeatures, classes);
            double[] heldClasses = predictedShares(heldFeatures, classes);
            m.put("classes", classes);
            m.put("coverage", covered(synthClasses));
            m.put("coverage_floor", covered(heldClasses));
            m.put("class_kl", klDivergence(realClasses, synthClasses));
            m.put("class_kl_floor", klDivergence(realClasses, heldClasses));
            m.put("synthetic_class_shares", java.util.Arrays.stream(synthClasses).boxed()
                    .toList());
            m.put("real_accuracy", accuracy(heldFeatures));
            spark.setJobDescription("evaluate: precision and recall");
            manifold(m, trainFeatures, heldFeatures, synthFeatures);
            spark.setJobDescription("evaluate: memorisation");
            memorisation(m, real, synthetic);
            if (synthetic.spec().hasLabels()) {
                // A conditional generator's samples should be recognised as the class asked.
                m.put("label_accuracy", accuracy(synthFeatures));
                spark.setJobDescription("evaluate: train on synthetic, test on real");
                trainOnSynthetic(m, real, synthetic, classes);
            }
            m.put("real_examples", real.training().count());
            m.put("held_out_examples", real.heldOut().count());
            m.put("held_out", real.heldOutSource());
            m.put("synthetic_examples", synthetic.count());
            m.put("seconds", (System.nanoTime() - started) / 1e9);
            return m;
        } finally {
            trainFeatures.unpersist(false);
            heldFeatures.unpersist(false);
            synthFeatures.unpersist(false);
            state.destroy(false);
        }
    }

    private static GaussianStats stats(JavaRDD<FeatureRow> rows) {
        return rows.treeAggregate(new GaussianStats(FeatureClassifier.FEATURES),
                (s, row) -> s.add(row.features()), GaussianStats::merge);
    }

    private static double[] labelShares(JavaRDD<FeatureRow> rows, int classes) {
        return shares(rows.map(FeatureRow::label).countByValue(), classes);
    }

    private static double[] predictedShares(JavaRDD<FeatureRow> rows, int classes) {
        return shares(rows.map(FeatureRow::predicted).countByValue(), classes);
    }

    private static double[] shares(Map<Integer, Long> counts, int classes) {
        double total = counts.values().stream().mapToLong(Long::longValue).sum();
        double[] out = new double[classes];
        counts.forEach((c, n) -> {
            if (c >= 0 && c < classes) {
                out[c] = n / total;
            }
        });
        return out;
    }

    static int covered(double[] shares) {
        int covered = 0;
        for (double share : shares) {
            if (share >= COVERAGE_SHARE) {
                covered++;
            }
        }
        return covered;
    }

    /** KL(real || synthetic): large when the synthetic data miss classes of the real. */
    static double klDivergence(double[] real, double[] synthetic) {
        double kl = 0;
        for (int c = 0; c < real.length; c++) {
            if (real[c] > 0) {
                kl += real[c] * Math.log(real[c] / Math.max(synthetic[c], KL_EPSILON));
            }
        }
        return kl;
    }

    private static double accuracy(JavaRDD<FeatureRow> labelled) {
        long[] counts = labelled.map(r -> new long[] {r.predicted() == r.label() ? 1 : 0, 1})
                .reduce((a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
        return (double) counts[0] / counts[1];
    }

    private void manifold(Map<String, Object> m, JavaRDD<FeatureRow> train,
                          JavaRDD<FeatureRow> held, JavaRDD<FeatureRow> synth) {
        int n = settings.manifoldSamples();
        float[][] real = sample(train, n);
        double[] pr = new Manifold(spark).precisionRecall(real, sample(synth, n));
        double[] floor = new Manifold(spark).precisionRecall(real, sample(held, n));
        m.put("precision", pr[0]);
        m.put("recall", pr[1]);
        m.put("precision_floor", floor[0]);
        m.put("recall_floor", floor[1]);
    }

    private float[][] sample(JavaRDD<FeatureRow> rows, int n) {
        List<float[]> picked = rows.map(FeatureRow::features).takeSample(false, n,
                settings.seed());
        return picked.toArray(new float[0][]);
    }

    private void memorisation(Map<String, Object> m, RealSplit real, RealDataset synthetic) {
        float[][] reference = real.training().rows().takeSample(false,
                settings.memorisationReference(), settings.seed()).toArray(new float[0][]);
        double[] result = new Memorisation(spark).measure(reference, real.heldOut(), synthetic,
                settings.manifoldSamples(), settings.seed());
        m.put("memorisation", result[0]);
        m.put("memorisation_floor", Memorisation.PERCENTILE);
        m.put("memorisation_distance", result[1]);
    }

    /** Accuracy on real held-out data of classifiers trained on synthetic and on real. */
    private void trainOnSynthetic(Map<String, Object> m, RealSplit real, RealDataset synthetic,
                                  int classes) {
        MultiLayerNetwork onSynthetic = FeatureClassifier.train(spark, synthetic, classes,
                settings.classifierSteps(), settings.seed(), 0);
        MultiLayerNetwork onReal = FeatureClassifier.train(spark, real.training(), classes,
                settings.classifierSteps(), settings.seed(), synthetic.count());
        m.put("tstr_accuracy", heldOutAccuracy(onSynthetic, real.heldOut()));
        m.put("trtr_accuracy", heldOutAccuracy(onReal, real.heldOut()));
    }

    private double heldOutAccuracy(MultiLayerNetwork classifier, RealDataset heldOut) {
        Broadcast<NetworkState> state = spark.broadcast(NetworkState.of(classifier));
        JavaRDD<FeatureRow> rows = Features.of(heldOut, state);
        try {
            return accuracy(rows);
        } finally {
            rows.unpersist(false);
            state.destroy(false);
        }
    }
}
