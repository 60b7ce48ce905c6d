package com.sparkgan.report;

import com.sparkgan.config.ConfigException;
import com.sparkgan.config.ConfigKey;
import com.sparkgan.config.ConfigKeys;
import com.sparkgan.config.ConfigLoader;
import com.sparkgan.config.JobConfig;
import com.sparkgan.io.AtomicFolder;
import com.sparkgan.io.HadoopFiles;
import com.sparkgan.io.Json;
import com.sparkgan.io.MetricsLog;
import com.sparkgan.io.RunLayout;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code report/} of a run: {@code metrics.json}, loss and discriminator-output plots drawn
 * from {@code metrics.jsonl}, and {@code report.html}, which embeds the plots, the sample
 * grids over rounds, the metric table with each reference value, the configuration, time and
 * throughput, so that it opens offline as one file.
 */
public final class RunReport {
    /** Each metric with the reference it is read against and how to read it. */
    private static final String[][] METRICS = {
        {"fid", "fid_floor", "Fréchet distance in the classifier's feature space; lower is "
                + "better, the reference is real held-out data against the training data"},
        {"coverage", "coverage_floor", "classes receiving at least 2% of the samples; mode "
                + "collapse shows here first"},
        {"class_kl", "class_kl_floor", "KL divergence of the predicted class shares from the "
                + "real class shares; lower is better"},
        {"precision", "precision_floor", "share of synthetic samples inside the real data's "
                + "manifold (k = 3); low means unrealistic samples"},
        {"recall", "recall_floor", "share of real samples inside the synthetic manifold; low "
                + "means missing variety"},
        {"memorisation", "memorisation_floor", "share of synthetic samples closer to a "
                + "training sample than 99% of real held-out samples are; high means copies"},
        {"tstr_accuracy", "trtr_accuracy", "accuracy on real held-out data of a classifier "
                + "trained on the synthetic data (reference: trained on as many real)"},
        {"label_accuracy", null, "share of labelled synthetic samples the feature classifier "
                + "puts in their own class: how well a conditional generator obeys its label"},
        {"real_accuracy", null, "the feature classifier's own accuracy on real held-out data"},
        {"modes_covered", "modes", "ring8: modes receiving at least 1% of the samples within 3 "
                + "standard deviations; fewer than all is mode collapse"},
        {"high_quality", null, "ring8: share of samples within 3 standard deviations of some "
                + "mode"},
    };

    /** Guard decisions listed in the report at most; metrics.jsonl has them all. */
    private static final int MAX_GUARD_ROWS = 50;

    private final RunLayout layout;
    private final Configuration hadoop;
    private final String published;

    /**
     * @param layout the run folder written now
     * @param published the folder's name as readers will see it (a run built in a hidden
     *                  folder is published under another name)
     */
    public RunReport(RunLayout layout, Configuration hadoop, String published) {
        this.layout = layout;
        this.hadoop = hadoop;
        this.published = published;
    }

    /** Writes {@code report/}; {@code metrics} may be null when nothing was evaluated. */
    public Path write(Map<String, Object> metrics, List<String> gateFailures) {
        List<Map<String, Object>> records = readRecords();
        List<Map<String, Object>> rounds = rounds(records);
        List<Map<String, Object>> guards = records.stream()
                .filter(r -> r.containsKey("guard")).toList();
        try (AtomicFolder folder = AtomicFolder.begin(layout.report(), hadoop)) {
            Path staging = folder.staging();
            if (metrics != null) {
                HadoopFiles.writeText(new Path(staging, "metrics.json"), hadoop,
                        Json.pretty(metrics));
            }
            byte[] losses = png(Plots.plot("Losses", rounds, guards,
                    List.of(Plots.Panel.of("loss", List.of("d_loss", "g_loss")))));
            byte[] outputs = png(Plots.plot("Discriminator output", rounds, guards,
                    List.of(Plots.Panel.of("mean D", List.of("d_real", "d_fake")))));
            // One panel per signal: they differ by orders of magnitude.
            JobConfig recorded = recordedConfig();
            byte[] signals = png(Plots.plot("Collapse signals", rounds, guards, List.of(
                    new Plots.Panel("diversity", List.of("diversity"), false,
                            floor(recorded, ConfigKeys.GUARD_DIVERSITY_FLOOR),
                            ConfigKeys.GUARD_DIVERSITY_FLOOR.name()),
                    new Plots.Panel("g_grad_norm", List.of("g_grad_norm"), true,
                            floor(recorded, ConfigKeys.GUARD_GRADIENT_FLOOR),
                            ConfigKeys.GUARD_GRADIENT_FLOOR.name()))));
            HadoopFiles.writeBytes(new Path(staging, "losses.png"), hadoop, losses);
            HadoopFiles.writeBytes(new Path(staging, "discriminator.png"), hadoop, outputs);
            HadoopFiles.writeBytes(new Path(staging, "signals.png"), hadoop, signals);
            String html = html(metrics, gateFailures, rounds, guards,
                    List.of(losses, outputs, signals));
            HadoopFiles.writeText(new Path(staging, "report.html"), hadoop, html);
            folder.commit(true);
        }
        return new Path(layout.report(), "report.html");
    }

    /** The run's recorded configuration, or null when it has none that can be read. */
    private JobConfig recordedConfig() {
        if (!HadoopFiles.exists(layout.config(), hadoop)) {
            return null;
        }
        try {
            return ConfigLoader.load(HadoopFiles.readText(layout.config(), hadoop),
                    layout.config().toString(), List.of());
        } catch (ConfigException e) {
            return null; // a hand-edited record costs the plot its floor lines, no more
        }
    }

    private static double floor(JobConfig recorded, ConfigKey<Double> key) {
        return recorded == null ? Double.NaN : recorded.get(key);
    }

    private List<Map<String, Object>> readRecords() {
        return HadoopFiles.exists(layout.metrics(), hadoop)
                ? MetricsLog.read(layout.metrics(), hadoop) : new ArrayList<>();
    }

    /**
     * The round records in round order; a round trained again after a rollback is shown as it
     * was trained last.
     */
    private static List<Map<String, Object>> rounds(List<Map<String, Object>> records) {
        java.util.TreeMap<Integer, Map<String, Object>> byRound = new java.util.TreeMap<>();
        for (Map<String, Object> record : records) {
            if (!record.containsKey("guard") && record.get("round") instanceof Number n) {
                byRound.put(n.intValue(), record);
            }
        }
        return new ArrayList<>(byRound.values());
    }

    private String html(Map<String, Object> metrics, List<String> gateFailures,
                        List<Map<String, Object>> rounds, List<Map<String, Object>> guards,
                        List<byte[]> plots) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                + "<title>SparkGAN run report</title><style>body{font-family:sans-serif;"
                + "max-width:1100px;margin:2em auto;color:#222}table{border-collapse:collapse}"
                + "td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}"
                + "pre{background:#f5f5f5;padding:1em;overflow:auto}"
                + ".fail{color:#b00;font-weight:bold}img{max-width:100%}</style></head><body>\n");
        h.append("<h1>SparkGAN run report</h1>\n<p>Run folder: <code>")
                .append(escape(published)).append("</code></p>\n");
        summary(h, rounds);
        if (metrics != null) {
            metricTable(h, metrics);
        }
        for (String failure : gateFailures) {
            h.append("<p class=\"fail\">").append(escape(failure)).append("</p>\n");
        }
        if (rounds.isEmpty()) {
            h.append("<p>This folder holds no training metrics (metrics.jsonl), so there are "
                    + "no training curves.</p>\n");
        } else {
            h.append("<h2>Training curves</h2>\n");
            plots.forEach(plot -> h.append(image(plot)));
            h.append("<p>diversity: mean pairwise distance of generated probe examples over "
                    + "that of real ones (near 1 is healthy, near 0 is mode collapse); "
                    + "g_grad_norm: the generator's gradient norm (near 0: it has stopped "
                    + "learning). Dashed lines are the guards' floors; orange vertical lines "
                    + "mark the rounds where a guard fired (see the table below).</p>\n");
        }
        guardTable(h, guards);
        List<FileStatus> grids = sampleGrids();
        if (!grids.isEmpty()) {
            h.append("<h2>Samples over rounds</h2>\n");
        }
        for (FileStatus grid : grids) {
            h.append("<figure style=\"display:inline-block;margin:6px\">")
                    .append(image(read(grid.getPath()))).append("<figcaption>")
                    .append(escape(grid.getPath().getName())).append("</figcaption></figure>\n");
        }
        if (HadoopFiles.exists(layout.config(), hadoop)) {
            h.append("<h2>Configuration</h2>\n<pre>")
                    .append(escape(HadoopFiles.readText(layout.config(), hadoop)))
                    .append("</pre>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    private static void summary(StringBuilder h, List<Map<String, Object>> rounds) {
        if (rounds.isEmpty()) {
            return;
        }
        Map<String, Object> last = rounds.get(rounds.size() - 1);
        double seconds = rounds.stream().mapToDouble(r -> number(r, "round_seconds")).sum();
        double real = rounds.stream().mapToDouble(r -> number(r, "real_examples")).sum();
        h.append(String.format(Locale.ROOT, "<p>%d rounds in %.0f s of training, %.0f real "
                        + "examples per second; last round: d_loss %.4f, g_loss %.4f, D(real) "
                        + "%.3f, D(fake) %.3f.</p>\n", rounds.size(), seconds,
                seconds > 0 ? real / seconds : 0, number(last, "d_loss"),
                number(last, "g_loss"), number(last, "d_real"), number(last, "d_fake")));
    }

    private static void guardTable(StringBuilder h, List<Map<String, Object>> guards) {
        h.append("<h2>Guards</h2>\n");
        if (guards.isEmpty()) {
            h.append("<p>No guard fired: no non-finite values, no collapse signal.</p>\n");
            return;
        }
        Map<String, Long> counts = guards.stream().collect(Collectors.groupingBy(
                g -> g.get("guard") + " (" + g.get("action") + ")", TreeMap::new,
                Collectors.counting()));
        h.append("<p>").append(guards.size()).append(" decisions: ")
                .append(escape(counts.entrySet().stream().map(e -> e.getValue() + " x "
                        + e.getKey()).collect(Collectors.joining(", "))))
                .append(".</p>\n");
        h.append("<table><tr><th>round</th><th>signal</th><th>action</th><th>details</th>"
                + "</tr>\n");
        for (Map<String, Object> guard : guards.subList(0, Math.min(guards.size(),
                MAX_GUARD_ROWS))) {
            String details = String.valueOf(guard.get("message"));
            if (guard.containsKey("rollback_to")) {
                details += " Rolled back to round " + guard.get("rollback_to")
                        + "; learning rates " + format(guard.get("generator_learning_rate"))
                        + " (generator), " + format(guard.get("discriminator_learning_rate"))
                        + " (discriminator).";
            }
            h.append("<tr><td>").append(format(guard.get("round"))).append("</td><td>")
                    .append(format(guard.get("guard"))).append("</td><td>")
                    .append(format(guard.get("action"))).append("</td><td>")
                    .append(escape(details)).append("</td></tr>\n");
        }
        h.append("</table>\n");
        if (guards.size() > MAX_GUARD_ROWS) {
            h.append("<p>The first ").append(MAX_GUARD_ROWS).append(" are shown; the other ")
                    .append(guards.size() - MAX_GUARD_ROWS)
                    .append(" are records of metrics.jsonl.</p>\n");
        }
    }

    private static void metricTable(StringBuilder h, Map<String, Object> metrics) {
        h.append("<h2>Quality</h2>\n<table><tr><th>metric</th><th>value</th>"
                + "<th>reference</th><th>how to read it</th></tr>\n");
        for (String[] row : METRICS) {
            if (!metrics.containsKey(row[0])) {
                continue;
            }
            h.append("<tr><td>").append(row[0]).append("</td><td>")
                    .append(format(metrics.get(row[0]))).append("</td><td>")
                    .append(row[1] == null ? "" : format(metrics.get(row[1])))
                    .append("</td><td>").append(escape(row[2])).append("</td></tr>\n");
        }
        h.append("</table>\n<p>Held-out reference data: ")
                .append(escape(String.valueOf(metrics.get("held_out")))).append("; ")
                .append(format(metrics.get("synthetic_examples"))).append(" synthetic and ")
                .append(format(metrics.get("real_examples"))).append(" real examples.</p>\n");
    }

    private List<FileStatus> sampleGrids() {
        try {
            FileSystem fs = HadoopFiles.fileSystem(layout.samples(), hadoop);
            if (!fs.exists(layout.samples())) {
                return List.of();
            }
            return Arrays.stream(fs.listStatus(layout.samples()))
                    .filter(s -> s.getPath().getName().endsWith(".png"))
                    .sorted((a, b) -> a.getPath().getName().compareTo(b.getPath().getName()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] read(Path file) {
        try (InputStream in = HadoopFiles.fileSystem(file, hadoop).open(file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String image(byte[] png) {
        return "<img src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png)
                + "\">\n";
    }

    private static double number(Map<String, Object> map, String key) {
        return map.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static String format(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return String.format(Locale.ROOT, "%.4g", ((Number) value).doubleValue());
        }
        return value == null ? "" : escape(String.valueOf(value));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
