package com.sparkgan.jobs;

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
            description = "HOCON configuration file (any Hadoop URI)")
    String config;

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

    /** The configuration: {@code base} text first (may be empty), then the file, then --set. */
    JobConfig load(String base) {
        String text = base;
        String origin = "the defaults";
        if (config != null) {
            Configuration hadoop = new Configuration();
            HadoopFiles.requireFile(HadoopFiles.path(config), hadoop, "configuration file");
            text = text + "\n" + HadoopFiles.readText(HadoopFiles.path(config), hadoop);
            origin = config;
        }
        return ConfigLoader.load(text, origin, overrides);
    }

    String outOrDefault(String job) {
        if (out != null && !out.isBlank()) {
            return out;
        }
        return "runs/" + job + "-" + LocalDateTime.now().format(
                DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    }
}
