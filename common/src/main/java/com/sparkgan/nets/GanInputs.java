package com.sparkgan.nets;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The input arrays of the GAN's graphs: the first input, and the one-hot label if any. */
public final class GanInputs {
    private GanInputs() {
    }

    /** Inputs for a graph whose first input is {@code first}; labels only when conditional. */
    public static INDArray[] of(INDArray first, int[] labels, int classes) {
        if (classes == 0) {
            return new INDArray[] {first};
        }
        if (labels == null || labels.length != first.size(0)) {
            throw new IllegalArgumentException("a conditional network needs one label per row");
        }
        return new INDArray[] {first, oneHot(labels, classes)};
    }

    public static INDArray oneHot(int[] labels, int classes) {
        INDArray out = Nd4j.zeros(DataType.FLOAT, labels.length, classes);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " is not one of the "
                        + classes + " classes");
            }
            out.putScalar(i, labels[i], 1.0);
        }
        return out;
    }
}
