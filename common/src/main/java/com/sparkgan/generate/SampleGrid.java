package com.sparkgan.generate;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/**
 * Draws N x N greyscale images, given as rows of values in [-1, 1], as one picture with a
 * thin separating border; small images are enlarged so that an 8x8 digit stays readable.
 */
public final class SampleGrid {
    private static final int MIN_CELL = 28;
    private static final int GAP = 2;

    private SampleGrid() {
    }

    public static BufferedImage render(float[][] images, int height, int width, int columns) {
        int scale = Math.max(1, (MIN_CELL + Math.max(height, width) - 1)
                / Math.max(height, width));
        int rows = (images.length + columns - 1) / columns;
        int cellHeight = height * scale;
        int cellWidth = width * scale;
        BufferedImage grid = new BufferedImage(GAP + columns * (cellWidth + GAP),
                GAP + rows * (cellHeight + GAP), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        g.setColor(new Color(40, 40, 90));
        g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
        g.dispose();
        for (int i = 0; i < images.length; i++) {
            int left = GAP + (i % columns) * (cellWidth + GAP);
            int top = GAP + (i / columns) * (cellHeight + GAP);
            for (int y = 0; y < cellHeight; y++) {
                for (int x = 0; x < cellWidth; x++) {
                    float v = images[i][(y / scale) * width + x / scale];
                    int grey = Math.round((Math.max(-1f, Math.min(1f, v)) + 1f) * 127.5f);
                    grid.setRGB(left + x, top + y, (grey << 16) | (grey << 8) | grey);
                }
            }
        }
        return grid;
    }
}
