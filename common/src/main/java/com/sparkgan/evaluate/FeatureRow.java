package com.sparkgan.evaluate;

import java.io.Serializable;

/**
 * One example seen by the feature classifier.
 *
 * @param features the penultimate layer's activations
 * @param predicted the predicted class
 * @param label the example's own label, or -1 when it has none
 */
public record FeatureRow(float[] features, int predicted, int label) implements Serializable {
}
