package com.sparkgan.jobs;

import com.sparkgan.config.ConfigKey;
import com.sparkgan.config.ConfigLoader;
import com.sparkgan.config.JobConfig;
import com.sparkgan.io.HadoopFiles;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Option;

/** Options every job takes. */
final class JobOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "HOCON configuration file (any Hadoop URI); repeatable, later files "
                    + "override earlier ones (--config base.conf --config conf/tricks/ema.conf)")
    List<String> configs = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "override one configuration key; repeatable")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master; default: the submit command's, else local[*]")
    String master;

    @Option(names = "--out", paramLabel = "URI",
            description = "run folder; default: runs/<job>-<timestamp>")
    String out;

    @Option(names = "--overwrite",
            description = "replace outputs that already exist instead of failing")
    boolean overwrite;

    /**
     * The configuration: {@code base} text first (may be empty), then the files in order,
     * then --set. Later HOCON values of the same key win.
     */
    /** Whether a --set names {@code key}. */
    boolean sets(ConfigKey<?> key) {
        return overrides.stream().anyMatch(o -> o.indexOf('=') > 0
                && o.substring(0, o.indexOf('=')).trim().equals(key.name()));
    }

    JobConfig load(String base) {
        StringBuilder text = new StringBuilder(base);
        Configuration hadoop = new Configuration();
        for (String config : configs) {
            HadoopFiles.requireFile(HadoopFiles.path(config), hadoop, "configuration file");
            text.append('\n').append(HadoopFiles.readText(HadoopFiles.path(config), hadoop));
        }
        String origin = configs.isEmpty() ? "the defaults" : String.join(" + ", configs);
        return ConfigLoader.load(text.toString(), origin, overrides);
    }

    String outOrDefault(String job) {
        if (out != null && !out.isBlank()) {
            return out;
        }
        return "runs/" + job + "-" + LocalDateTime.now().format(
                DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    }
}
