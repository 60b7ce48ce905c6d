package com.sparkgan.evaluate;

import com.sparkgan.config.ConfigException;
import com.sparkgan.data.ExampleBlock;
import com.sparkgan.data.RealDataset;
import com.sparkgan.train.Seeds;
import com.sparkgan.train.Shuffle;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.spark.api.RDDTrainingApproach;
import org.deeplearning4j.spark.api.Repartition;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * The classifier of the real classes whose penultimate layer is the feature space of the
 * image metrics (Fréchet distance, precision and recall) and whose predictions give class
 * coverage. An MLP: data -> 256 ReLU -> {@value #FEATURES} ReLU (the features) -> softmax.
 * It is trained with dl4j-spark's parameter averaging on the real shards.
 */
public final class FeatureClassifier {
    static final int FEATURES = 128;
    private static final int HIDDEN = 256;
    private static final int BATCH = 64;
    private static final int STEPS_PER_AVERAGING = 20;

    private FeatureClassifier() {
    }

    public static MultiLayerConfiguration configuration(int inputs, int classes, long seed) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(1e-3))
                .weightInit(WeightInit.RELU)
                .list()
                .layer(new DenseLayer.Builder().nOut(HIDDEN).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nOut(FEATURES).activation(Activation.RELU)
                        .build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).nOut(classes)
                        .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build())
                .setInputType(InputType.feedForward(inputs))
                .build();
    }

    /**
     * Trains a classifier of {@code classes} classes on labelled data.
     *
     * @param steps minibatch steps per worker, rounded up to whole epochs
     * @param limit use at most this many examples (0: all)
     */
    public static MultiLayerNetwork train(JavaSparkContext spark, RealDataset data, int classes,
                                          int steps, long seed, long limit) {
        if (!data.spec().hasLabels()) {
            throw new ConfigException(data.spec().source() + " has no class labels, which the "
                    + "feature classifier needs; give a labels file (IDX) or "
                    + "data.csv.label-column (CSV).");
        }
        MultiLayerNetwork network = new MultiLayerNetwork(configuration(
                data.spec().featureCount(), classes, seed));
        network.init();
        int workers = data.workers();
        long perWorker = limit > 0 ? Math.max(1, limit / workers) : Long.MAX_VALUE;
        JavaRDD<DataSet> batches = data.shards().mapPartitionsWithIndex((partition, it) ->
                minibatches(it, classes, perWorker, new SplittableRandom(Seeds.derive(seed,
                        Seeds.Stream.REAL_BATCHES, -1, partition))), true);
        SparkDl4jMultiLayer trainer = new SparkDl4jMultiLayer(spark, network,
                new ParameterAveragingTrainingMaster.Builder(workers, BATCH)
                        .batchSizePerWorker(BATCH)
                        .averagingFrequency(STEPS_PER_AVERAGING)
                        .workerPrefetchNumBatches(0)
                        .saveUpdater(true)
                        .repartionData(Repartition.Never)
                        .rddTrainingApproach(RDDTrainingApproach.Direct)
                        .storageLevel(StorageLevel.MEMORY_AND_DISK_SER())
                        .rngSeed(seed)
                        .build());
        long perShard = Math.min(perWorker, data.smallestShard());
        int stepsPerEpoch = (int) Math.max(1, perShard / BATCH);
        int epochs = (steps + stepsPerEpoch - 1) / stepsPerEpoch;
        try {
            for (int epoch = 0; epoch < epochs; epoch++) {
                spark.setJobDescription("evaluate: feature classifier epoch " + (epoch + 1));
                trainer.fit(batches);
            }
        } finally {
            batches.unpersist(false);
        }
        return network;
    }

    /** A shard's examples, shuffled once, as one-hot labelled minibatches. */
    private static Iterator<DataSet> minibatches(Iterator<ExampleBlock> shard, int classes,
                                                 long limit, SplittableRandom random) {
        List<float[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        while (shard.hasNext()) {
            ExampleBlock block = shard.next();
            for (int r = 0; r < block.rows(); r++) {
                float[] row = new float[block.width()];
                block.copyRow(r, row, 0);
                rows.add(row);
                labels.add(block.label(r));
            }
        }
        int[] order = Shuffle.permutation(rows.size(), random);
        int count = (int) Math.min(limit, rows.size());
        List<DataSet> out = new ArrayList<>();
        for (int start = 0; start + BATCH <= count; start += BATCH) {
            float[][] features = new float[BATCH][];
            float[][] targets = new float[BATCH][classes];
            for (int i = 0; i < BATCH; i++) {
                features[i] = rows.get(order[start + i]);
                int label = labels.get(order[start + i]);
                if (label >= classes) {
                    throw new com.sparkgan.data.DataFormatException("Label " + label + " is "
                            + "outside the " + classes + " classes of the real data.");
                }
                targets[i][label] = 1f;
            }
            out.add(new DataSet(Nd4j.create(features), Nd4j.create(targets)));
        }
        return out.iterator();
    }
}
