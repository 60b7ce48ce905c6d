package com.sparkgan.testing;

import com.sparkgan.spark.SparkDefaults;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * One real local Spark with two worker threads, shared by every test of the JVM (Spark
 * allows one context per JVM); it stops when the JVM does.
 */
public final class LocalSpark {
    private static JavaSparkContext context;

    private LocalSpark() {
    }

    public static synchronized JavaSparkContext get() {
        if (context == null) {
            SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("sparkgan-tests")
                    .set("spark.driver.host", "127.0.0.1")
                    .set("spark.driver.bindAddress", "127.0.0.1")
                    .set("spark.ui.enabled", "false")
                    .set("spark.ui.showConsoleProgress", "false");
            context = new JavaSparkContext(SparkDefaults.apply(conf));
            context.setLogLevel("WARN");
        }
        return context;
    }
}
