package com.sparkgan.data;

import java.io.Serializable;
import java.util.List;

/**
 * Parses one CSV line into feature values and an optional label, checking its width. Runs on
 * executors; errors name the data row (1-based, header excluded) and the column.
 */
final class CsvRowParser implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<String> columns;
    private final int labelIndex;
    private final String source;

    /**
     * @param columns names of every column of the file, the label column included
     * @param labelIndex the label's column, or -1
     */
    CsvRowParser(List<String> columns, int labelIndex, String source) {
        this.columns = List.copyOf(columns);
        this.labelIndex = labelIndex;
        this.source = source;
    }

    int featureCount() {
        return labelIndex < 0 ? columns.size() : columns.size() - 1;
    }

    /** One parsed row: its feature values and its label (-1 when there is none). */
    record Row(long index, double[] values, int label) implements Serializable {
    }

    Row parse(String line, long index) {
        String[] cells = withoutByteOrderMark(line).split(",", -1);
        if (cells.length != columns.size()) {
            throw new DataFormatException("Data row " + (index + 1) + " of " + source + " has "
                    + cells.length + " columns, expected " + columns.size() + ".");
        }
        double[] values = new double[featureCount()];
        int label = -1;
        int next = 0;
        for (int c = 0; c < cells.length; c++) {
            double value = number(cells[c].trim(), index, c);
            if (c == labelIndex) {
                label = classLabel(value, index);
            } else {
                values[next++] = value;
            }
        }
        return new Row(index, values, label);
    }

    private double number(String cell, long index, int column) {
        try {
            double value = Double.parseDouble(cell);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new DataFormatException("Data row " + (index + 1) + " of " + source
                + ", column '" + columns.get(column) + "': '" + cell + "' is not a finite "
                + "number.");
    }

    private int classLabel(double value, long index) {
        if (value < 0 || value != Math.rint(value) || value > 65535) {
            throw new DataFormatException("Data row " + (index + 1) + " of " + source
                    + " has the label " + value + "; labels must be whole numbers from 0.");
        }
        return (int) value;
    }

    /** Editors on Windows start UTF-8 files with U+FEFF, which is not part of the data. */
    static String withoutByteOrderMark(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    List<String> featureColumns() {
        List<String> out = new java.util.ArrayList<>(columns);
        if (labelIndex >= 0) {
            out.remove(labelIndex);
        }
        return out;
    }
}
