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

    /**
     * Continues an existing log after round {@code lastKept}: the records of later rounds,
     * written before a crash or by the interrupted run, are dropped.
     */
    public static MetricsLog resume(Path file, Configuration conf, int lastKept) {
        MetricsLog log = new MetricsLog(file, conf);
        if (lastKept > 0 && HadoopFiles.exists(file, conf)) {
            for (String line : HadoopFiles.readText(file, conf).split("\n")) {
                if (!line.isBlank() && ((Number) Json.parse(line, file.toString()).get("round"))
                        .intValue() <= lastKept) {
                    log.lines.add(line);
                }
            }
        }
        return log;
    }

    public void append(Map<String, Object> record) {
        lines.add(Json.line(record));
        Path temporary = new Path(file.getParent(), "." + file.getName() + ".tmp");
        HadoopFiles.writeText(temporary, conf, String.join("\n", lines) + "\n");
        HadoopFiles.replace(temporary, file, conf);
    }
}
