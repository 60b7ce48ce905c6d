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
import com.sparkgan.config.ConfigException;
import com.sparkgan.generate.ClassPlan;
import com.sparkgan.nets.GanNetworks;
import org.deeplearning4j.nn.graph.ComputationGraph;

/** A trained generator to {@code synthetic/}: the work of {@code generate} and of
 * {@code pipeline}. */
final class GenerationJob {
    private GenerationJob() {
    }

    static Map<String, Object> run(JavaSparkContext spark, JobConfig config,
                                   ComputationGraph generator, DatasetSpec spec,
                                   RunLayout layout, String model, boolean replace) {
        int partitions = config.get(ConfigKeys.GENERATE_PARTITIONS) > 0
                ? config.get(ConfigKeys.GENERATE_PARTITIONS) : spark.defaultParallelism();
        ClassPlan classes = classPlan(config, GanNetworks.isConditional(generator)
                ? spec.classCount() : 0);
        int count = classes == null ? config.get(ConfigKeys.GENERATE_COUNT)
                : (int) classes.total();
        SyntheticWriter.Request request = new SyntheticWriter.Request(count, partitions,
                SyntheticFormat.resolve(config.get(ConfigKeys.GENERATE_FORMAT), spec),
                config.get(ConfigKeys.GENERATE_COMPRESS), config.get(ConfigKeys.SEED), model,
                replace, classes);
        NoiseSource noise = NoiseSource.of(config.get(ConfigKeys.LATENT_SIZE),
                config.get(ConfigKeys.NOISE));
        return new SyntheticWriter(spark).write(generator, spec, noise, request,
                layout.synthetic());
    }

    /** Counts per class for a conditional generator; null for an unconditional one. */
    static ClassPlan classPlan(JobConfig config, int classes) {
        int perClass = config.get(ConfigKeys.GENERATE_PER_CLASS);
        if (classes == 0) {
            if (perClass > 0 || !config.get(ConfigKeys.GENERATE_CLASS_WEIGHTS).isEmpty()) {
                throw new ConfigException((perClass > 0 ? ConfigKeys.GENERATE_PER_CLASS
                        : ConfigKeys.GENERATE_CLASS_WEIGHTS).name() + " needs a conditional "
                        + "model (model.conditional = true), but this generator has no class "
                        + "input; use generate.count.");
            }
            return null;
        }
        if (perClass > 0 && !config.get(ConfigKeys.GENERATE_CLASS_WEIGHTS).isEmpty()) {
            throw new ConfigException(ConfigKeys.GENERATE_PER_CLASS.name() + " and "
                    + ConfigKeys.GENERATE_CLASS_WEIGHTS.name() + " are both set; keep one "
                    + "(a count per class, or weights that share out generate.count).");
        }
        ClassPlan plan = perClass > 0 ? ClassPlan.perClass(classes, perClass)
                : ClassPlan.weighted(classes, config.get(ConfigKeys.GENERATE_COUNT),
                        config.get(ConfigKeys.GENERATE_CLASS_WEIGHTS));
        if (plan.total() > Integer.MAX_VALUE || plan.total() == 0) {
            throw new ConfigException("The class counts add up to " + plan.total()
                    + " examples; generate between 1 and " + Integer.MAX_VALUE + ".");
        }
        return plan;
    }
}
