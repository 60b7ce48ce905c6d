package com.sparkgan.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Line plots of per-round metrics, rendered headless with JFreeChart. Rounds where a guard
 * fired are marked in every plot, so that a remedy's effect can be read off the curves.
 */
final class Plots {
    private static final Color[] COLOURS = {new Color(31, 119, 180), new Color(214, 39, 40),
        new Color(44, 160, 44), new Color(148, 103, 189)};
    /** Rounds with guard markers at most before only the telling ones are drawn. */
    private static final int MAX_MARKED = 40;
    private static final Color GUARD_COLOUR = new Color(255, 127, 14);
    private static final BasicStroke DASHED = new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
            BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /**
     * One panel of a plot: metrics sharing a y axis.
     *
     * @param yLabel the axis label
     * @param fields the metrics drawn, one line each
     * @param logarithmic a log axis (for values spanning decades; non-positive values skipped)
     * @param threshold a dashed horizontal line (a guard's floor), or NaN for none
     * @param thresholdLabel what the dashed line is
     */
    record Panel(String yLabel, List<String> fields, boolean logarithmic, double threshold,
                 String thresholdLabel) {
        static Panel of(String yLabel, List<String> fields) {
            return new Panel(yLabel, fields, false, Double.NaN, null);
        }
    }

    private Plots() {
    }

    /**
     * Panels stacked over one round axis; {@code guards} are the guard records of
     * {@code metrics.jsonl}, each drawn as a vertical line at its round.
     */
    static BufferedImage plot(String title, List<Map<String, Object>> rounds,
                              List<Map<String, Object>> guards, List<Panel> panels) {
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(new NumberAxis("round"));
        combined.setGap(12);
        double lastRound = rounds.stream().mapToDouble(r -> r.get("round") instanceof Number n
                ? n.doubleValue() : 0).max().orElse(0);
        int colour = 0;
        for (Panel panel : panels) {
            XYPlot plot = panel(rounds, panel, colour);
            colour += panel.fields().size();
            for (ValueMarker marker : guardMarkers(guards, lastRound)) {
                plot.addDomainMarker(marker);
            }
            combined.add(plot);
        }
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, combined, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart.createBufferedImage(720, 240 + 160 * panels.size());
    }

    private static XYPlot panel(List<Map<String, Object>> rounds, Panel panel, int firstColour) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (String field : panel.fields()) {
            XYSeries series = new XYSeries(field);
            for (Map<String, Object> round : rounds) {
                if (round.get(field) instanceof Number value
                        && Double.isFinite(value.doubleValue())
                        && (!panel.logarithmic() || value.doubleValue() > 0)) {
                    series.add(((Number) round.get("round")).doubleValue(), value.doubleValue());
                }
            }
            data.addSeries(series);
        }
        ValueAxis axis;
        if (panel.logarithmic()) {
            LogAxis log = new LogAxis(panel.yLabel());
            log.setSmallestValue(1e-12);
            axis = log;
        } else {
            NumberAxis linear = new NumberAxis(panel.yLabel());
            linear.setAutoRangeIncludesZero(false);
            axis = linear;
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < panel.fields().size(); i++) {
            renderer.setSeriesPaint(i, COLOURS[(firstColour + i) % COLOURS.length]);
            renderer.setSeriesStroke(i, new BasicStroke(1.5f));
        }
        XYPlot plot = new XYPlot(data, null, axis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        if (Double.isFinite(panel.threshold()) && (!panel.logarithmic() || panel.threshold() > 0)) {
            ValueMarker floor = new ValueMarker(panel.threshold(), Color.DARK_GRAY, DASHED);
            floor.setLabel(panel.thresholdLabel());
            floor.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            floor.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(floor);
            // The floor stays in view on whichever side of it the values lie.
            ValueAxis range = plot.getRangeAxis();
            double margin = panel.logarithmic() ? 2 : 1;
            range.setRange(Math.min(range.getLowerBound(), panel.threshold() / margin),
                    Math.max(range.getUpperBound(), panel.threshold() * margin
                            + (panel.logarithmic() ? 0 : 0.05 * Math.abs(panel.threshold()))));
        }
        return plot;
    }

    /**
     * One line per round where guards fired. A signal is named at its first round only, and
     * when guards fired in more than {@link #MAX_MARKED} rounds only rollbacks, stops and
     * first firings are drawn, so that the curves stay readable; the report's guard table
     * has every decision.
     */
    private static List<ValueMarker> guardMarkers(List<Map<String, Object>> guards,
                                                  double lastRound) {
        Map<Double, Set<String>> named = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        Set<Double> rounds = new TreeSet<>();
        for (Map<String, Object> guard : guards) {
            double round = guard.get("round") instanceof Number n ? n.doubleValue() : 0;
            rounds.add(round);
            String signal = guard.get("guard") + " (" + guard.get("action") + ")";
            if (seen.add(signal) || !"warn".equals(guard.get("action"))) {
                named.computeIfAbsent(round, r -> new TreeSet<>()).add(signal);
            }
        }
        Set<Double> drawn = rounds.size() <= MAX_MARKED ? rounds : named.keySet();
        List<ValueMarker> markers = new ArrayList<>();
        for (double round : drawn) {
            ValueMarker marker = new ValueMarker(round, GUARD_COLOUR, new BasicStroke(1f));
            Set<String> labels = named.get(round);
            if (labels != null) {
                marker.setLabel(String.join(", ", labels));
                // The label goes on the side of the line with more room, inside the plot.
                boolean early = round < lastRound / 2;
                marker.setLabelAnchor(early ? RectangleAnchor.TOP_RIGHT
                        : RectangleAnchor.TOP_LEFT);
                marker.setLabelTextAnchor(early ? TextAnchor.TOP_LEFT : TextAnchor.TOP_RIGHT);
                marker.setLabelPaint(GUARD_COLOUR.darker());
            }
            markers.add(marker);
        }
        return markers;
    }
}
