package com.sparkgan.io;

import org.apache.hadoop.fs.Path;

/** Where each part of a run's output lives under its output folder. */
public record RunLayout(Path root) {
    public static RunLayout of(String uri) {
        return new RunLayout(HadoopFiles.path(uri));
    }

    public Path config() {
        return new Path(root, "config.conf");
    }

    public Path metrics() {
        return new Path(root, "metrics.jsonl");
    }

    public Path checkpoints() {
        return new Path(root, "checkpoints");
    }

    public Path checkpoint(int round) {
        return new Path(checkpoints(), String.format("round-%06d", round));
    }

    public Path model() {
        return new Path(root, "model");
    }

    public Path samples() {
        return new Path(root, "samples");
    }

    public Path sampleGrid(int round) {
        return new Path(samples(), String.format("round-%06d.png", round));
    }

    public Path samplePreview(int round) {
        return new Path(samples(), String.format("round-%06d.csv", round));
    }

    public Path synthetic() {
        return new Path(root, "synthetic");
    }

    public Path report() {
        return new Path(root, "report");
    }
}
