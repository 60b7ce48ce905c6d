package com.sparkgan.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * {@code metrics.jsonl}: one JSON object per round. Not every Hadoop file system can append,
 * so the whole file (a few hundred short lines) is rewritten through a temporary file and a
 * rename after each round; a reader sees either the old or the new file.
 */
public final class MetricsLog {
    private final Path file;
    private final Configuration conf;
    private final List<String> lines = new ArrayList<>();

    public MetricsLog(Path file, Configuration conf) {
        this.file = file;
        this.conf = conf;
    }

    public void append(Map<String, Object> record) {
        lines.add(Json.line(record));
        Path temporary = new Path(file.getParent(), "." + file.getName() + ".tmp");
        HadoopFiles.writeText(temporary, conf, String.join("\n", lines) + "\n");
        HadoopFiles.replace(temporary, file, conf);
    }
}
