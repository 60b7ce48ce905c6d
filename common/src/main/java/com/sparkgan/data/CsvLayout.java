package com.sparkgan.data;

import com.sparkgan.config.ConfigKeys;
import com.sparkgan.config.JobConfig;
import java.io.Serializable;
import java.util.List;

/**
 * How the columns of a CSV file are laid out: whether a header line names them, which one
 * holds the class label, and whether the remaining values of a row form an image.
 *
 * @param header whether the first line holds column names
 * @param labelColumn a column name, a 0-based index, {@code last}, or empty for no label
 * @param imageHeight image height, or 0 when rows are not images
 * @param imageWidth image width, or 0 when rows are not images
 */
public record CsvLayout(boolean header, String labelColumn, int imageHeight, int imageWidth)
        implements Serializable {

    public static CsvLayout from(JobConfig config) {
        int height = config.get(ConfigKeys.IMAGE_HEIGHT);
        int width = config.get(ConfigKeys.IMAGE_WIDTH);
        if ((height > 0) != (width > 0)) {
            throw new com.sparkgan.config.ConfigException("Set both "
                    + ConfigKeys.IMAGE_HEIGHT.name() + " and " + ConfigKeys.IMAGE_WIDTH.name()
                    + " (now " + height + " and " + width + "), or neither.");
        }
        return new CsvLayout(config.get(ConfigKeys.CSV_HEADER),
                config.get(ConfigKeys.CSV_LABEL_COLUMN).trim(),
                config.get(ConfigKeys.IMAGE_HEIGHT), config.get(ConfigKeys.IMAGE_WIDTH));
    }

    /** {@code config} with this layout's keys, so that it records the layout used. */
    public JobConfig applyTo(JobConfig config) {
        return config.with(ConfigKeys.CSV_HEADER, header)
                .with(ConfigKeys.CSV_LABEL_COLUMN, labelColumn)
                .with(ConfigKeys.IMAGE_HEIGHT, imageHeight)
                .with(ConfigKeys.IMAGE_WIDTH, imageWidth);
    }

    public boolean isImage() {
        return imageHeight > 0 && imageWidth > 0;
    }

    /** The 0-based label column among {@code names}, or -1 when the data has no label. */
    int labelIndex(List<String> names, String source) {
        if (labelColumn.isEmpty()) {
            return -1;
        }
        if (labelColumn.equals("last")) {
            return names.size() - 1;
        }
        int byName = names.indexOf(labelColumn);
        if (byName >= 0 && header) {
            return byName;
        }
        try {
            int index = Integer.parseInt(labelColumn);
            if (index >= 0 && index < names.size()) {
                return index;
            }
        } catch (NumberFormatException e) {
            // not an index: reported below as a missing column
        }
        throw new DataFormatException("The label column '" + labelColumn + "' is not among the "
                + names.size() + " columns of " + source + (header ? " (" + String.join(", ",
                names) + ")" : "; without a header give a 0-based index or 'last'") + ".");
    }
}
