package com.sparkgan.evaluate;

import com.sparkgan.data.ExampleBlock;
import com.sparkgan.data.RealDataset;
import com.sparkgan.nets.NdArrays;
import com.sparkgan.train.NetworkState;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Runs the feature classifier over a dataset on the executors, block by block. */
final class Features {
    private static final int FEATURE_LAYER = 1;

    private Features() {
    }

    static JavaRDD<FeatureRow> of(RealDataset data, Broadcast<NetworkState> classifier) {
        return data.shards().mapPartitions(blocks -> extract(blocks, classifier.value()))
                .persist(StorageLevel.MEMORY_AND_DISK_SER());
    }

    private static Iterator<FeatureRow> extract(Iterator<ExampleBlock> blocks,
                                                NetworkState state) {
        MultiLayerNetwork network = state.rebuild();
        List<FeatureRow> rows = new ArrayList<>();
        while (blocks.hasNext()) {
            ExampleBlock block = blocks.next();
            float[] flat = new float[block.rows() * block.width()];
            for (int r = 0; r < block.rows(); r++) {
                block.copyRow(r, flat, r * block.width());
            }
            INDArray input = NdArrays.floats(flat, block.rows(), block.width());
            List<INDArray> activations = network.feedForward(input, false);
            float[][] features = activations.get(FEATURE_LAYER + 1).toFloatMatrix();
            INDArray predicted = activations.get(activations.size() - 1).argMax(1);
            for (int r = 0; r < block.rows(); r++) {
                rows.add(new FeatureRow(features[r], predicted.getInt(r),
                        block.hasLabels() ? block.label(r) : -1));
            }
        }
        return rows.iterator();
    }
}
