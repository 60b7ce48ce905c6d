package com.sparkgan.data;

import java.io.Serializable;
import java.util.List;

/**
 * What a dataset looks like: the width of an example, its image shape when it is an image,
 * the number of classes when it has labels, the column names of tabular data, and the
 * scaling that maps raw values to the [-1, 1] range the networks work in.
 *
 * @param featureCount values per example
 * @param imageHeight image height, 0 when examples are not images
 * @param imageWidth image width, 0 when examples are not images
 * @param classCount number of classes, 0 when the data has no labels
 * @param columns names of the feature columns (tabular data), or generated names
 * @param scaling the per-column map between raw values and [-1, 1]
 * @param source where the data came from, for logs and manifests
 */
public record DatasetSpec(int featureCount, int imageHeight, int imageWidth, int classCount,
                          List<String> columns, Scaling scaling, String source)
        implements Serializable {

    public DatasetSpec {
        columns = List.copyOf(columns);
        if (columns.size() != featureCount) {
            throw new IllegalArgumentException(columns.size() + " column names for "
                    + featureCount + " features");
        }
        if (isImageShape(imageHeight, imageWidth)
                && (long) imageHeight * imageWidth != featureCount) {
            throw new DataFormatException("Image shape " + imageHeight + "x" + imageWidth
                    + " does not match the " + featureCount + " values of each example of "
                    + source + ".");
        }
    }

    private static boolean isImageShape(int height, int width) {
        return height > 0 && width > 0;
    }

    public boolean isImage() {
        return isImageShape(imageHeight, imageWidth);
    }

    public boolean hasLabels() {
        return classCount > 0;
    }

    /** Generated column names {@code x0, x1, ...}. */
    public static List<String> numberedColumns(int count) {
        String[] names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = "x" + i;
        }
        return List.of(names);
    }
}
