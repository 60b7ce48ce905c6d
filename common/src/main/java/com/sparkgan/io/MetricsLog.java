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
            String[] lines = HadoopFiles.readText(file, conf).split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                String where = file + " line " + (i + 1);
                if (!(Json.parse(lines[i], where).get("round") instanceof Integer round)) {
                    throw new StorageException(where + " has no whole-number round, so the "
                            + "records to keep cannot be told; mend or remove that line.");
                }
                if (round <= lastKept) {
                    log.lines.add(lines[i]);
                }
            }
        }
        return log;
    }

    /**
     * The records of a metrics file, in order (blank lines skipped); a line that is not a
     * JSON object is an error naming its number.
     */
    public static List<Map<String, Object>> read(Path file, Configuration conf) {
        List<Map<String, Object>> records = new ArrayList<>();
        String[] lines = HadoopFiles.readText(file, conf).split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                records.add(Json.parse(lines[i], file + " line " + (i + 1)));
            }
        }
        return records;
    }

    public void append(Map<String, Object> record) {
        lines.add(Json.line(record));
        Path temporary = new Path(file.getParent(), "." + file.getName() + ".tmp");
        HadoopFiles.writeText(temporary, conf, String.join("\n", lines) + "\n");
        HadoopFiles.replace(temporary, file, conf);
    }
}
