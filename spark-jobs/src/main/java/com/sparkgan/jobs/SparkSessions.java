package com.sparkgan.jobs;

import java.util.regex.Pattern;
import com.sparkgan.spark.SparkDefaults;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Starts the Spark context of a job. Under {@code spark-submit} the master and resources come
 * from the submit command; run directly, the job uses an embedded local Spark.
 */
final class SparkSessions {
    static final String LOCAL_MASTER = "local[*]";
    private static final Pattern KNOWN_MASTER = Pattern.compile(
            "local(\\[(\\*|[1-9][0-9]*)(,[0-9]+)?\\])?|local-cluster\\[.+\\]|yarn"
                    + "|(spark|k8s|mesos)://.+");

    private SparkSessions() {
    }

    static JavaSparkContext start(String job, String master) {
        SparkConf conf = new SparkConf().setAppName("SparkGAN " + job);
        if (master != null && !master.isBlank()) {
            if (!KNOWN_MASTER.matcher(master).matches()) {
                // Checked here: Spark would log its own stack trace before failing.
                throw new com.sparkgan.config.ConfigException("--master " + master + " is not "
                        + "a Spark master URL; use local, local[N], local[*], spark://HOST:PORT, "
                        + "yarn or k8s://URL.");
            }
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster(LOCAL_MASTER);
        }
        // The per-round log line is the progress report; Spark's bar would interleave with it.
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        SparkDefaults.apply(conf);
        try {
            return new JavaSparkContext(conf);
        } catch (Exception e) {
            // Spark reports a malformed master as a checked SparkException.
            throw new com.sparkgan.config.ConfigException("Cannot start Spark with master "
                    + conf.get("spark.master") + ": "
                    + com.sparkgan.io.HadoopFiles.reason(e) + ".", e);
        }
    }
}
