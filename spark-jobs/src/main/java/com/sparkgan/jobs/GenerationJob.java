package com.sparkgan.jobs;

import com.sparkgan.config.ConfigKeys;
import com.sparkgan.config.JobConfig;
import com.sparkgan.data.DatasetSpec;
import com.sparkgan.generate.SyntheticFormat;
import com.sparkgan.generate.SyntheticWriter;
import com.sparkgan.io.RunLayout;
import com.sparkgan.train.NoiseSource;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** A trained generator to {@code synthetic/}: the work of {@code generate} and of
 * {@code pipeline}. */
final class GenerationJob {
    private GenerationJob() {
    }

    static Map<String, Object> run(JavaSparkContext spark, JobConfig config,
                                   MultiLayerNetwork generator, DatasetSpec spec,
                                   RunLayout layout, String model, boolean replace) {
        int partitions = config.get(ConfigKeys.GENERATE_PARTITIONS) > 0
                ? config.get(ConfigKeys.GENERATE_PARTITIONS) : spark.defaultParallelism();
        SyntheticWriter.Request request = new SyntheticWriter.Request(
                config.get(ConfigKeys.GENERATE_COUNT), partitions,
                SyntheticFormat.resolve(config.get(ConfigKeys.GENERATE_FORMAT), spec),
                config.get(ConfigKeys.GENERATE_COMPRESS), config.get(ConfigKeys.SEED), model,
                replace);
        NoiseSource noise = NoiseSource.of(config.get(ConfigKeys.LATENT_SIZE),
                config.get(ConfigKeys.NOISE));
        return new SyntheticWriter(spark).write(generator, spec, noise, request,
                layout.synthetic());
    }
}
