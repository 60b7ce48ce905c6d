package com.sparkgan.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Line plots of per-round metrics, rendered headless with JFreeChart. */
final class Plots {
    private static final Color[] COLOURS = {new Color(31, 119, 180), new Color(214, 39, 40),
        new Color(44, 160, 44), new Color(148, 103, 189)};

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Plots() {
    }

    /** One line per field of {@code rounds}, against the round number. */
    static BufferedImage lines(String title, String yLabel, List<Map<String, Object>> rounds,
                               List<String> fields) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (String field : fields) {
            XYSeries series = new XYSeries(field);
            for (Map<String, Object> round : rounds) {
                if (round.get(field) instanceof Number value
                        && Double.isFinite(value.doubleValue())) {
                    series.add(((Number) round.get("round")).doubleValue(), value.doubleValue());
                }
            }
            data.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "round", yLabel, data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < fields.size(); i++) {
            renderer.setSeriesPaint(i, COLOURS[i % COLOURS.length]);
            renderer.setSeriesStroke(i, new BasicStroke(1.5f));
        }
        plot.setRenderer(renderer);
        return chart.createBufferedImage(720, 360);
    }
}
