package com.sparkgan.bench;

import com.sparkgan.config.ConfigLoader;
import com.sparkgan.config.ConfigKeys;
import com.sparkgan.config.JobConfig;
import com.sparkgan.data.DatasetLoader;
import com.sparkgan.data.ExampleBlock;
import com.sparkgan.data.RealDataset;
import com.sparkgan.io.Json;
import com.sparkgan.nets.Architectures;
import com.sparkgan.nets.GanArchitecture;
import com.sparkgan.nets.GanNetworks;
import com.sparkgan.train.NoiseSource;
import com.sparkgan.train.ParameterAveragingGanTrainer;
import com.sparkgan.train.PlainGanLoop;
import com.sparkgan.train.RoundMetrics;
import com.sparkgan.train.TrainingSettings;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import com.sparkgan.spark.SparkDefaults;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench}: real examples per second of training the DCGAN and the MLP on
 * Fashion-MNIST, for the plain single-JVM DL4J loop, SparkGAN on {@code local[1]} and
 * {@code local[2]}, and SparkGAN on a standalone cluster of two one-core workers that the
 * command starts itself; with where a round's time goes, the floating-point rate against the
 * machine's peak, and memory peaks. Ends with one JSON line holding every figure.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure training speed: plain DL4J loop vs SparkGAN on local[1], "
                + "local[2] and a 2 x 1-core standalone cluster.")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--input", paramLabel = "URI",
            description = "Fashion-MNIST training images (IDX)", required = true)
    String input;

    @Option(names = "--quick", description = "a smoke run of about a minute (few rounds, "
            + "small data, no cluster)")
    boolean quick;

    @Option(names = "--plain-only", description = "measure only the plain DL4J loop, to "
            + "compare native settings (OMP_NUM_THREADS, model.dcgan.upsampling) quickly")
    boolean plainOnly;

    @Option(names = "--networks", split = ",", paramLabel = "NAME",
            description = "dcgan and/or mlp (default: both)")
    List<String> networks = List.of("dcgan", "mlp");

    @Option(names = "--cluster-classpath", paramLabel = "FILE",
            description = "Spark's classpath (spark-jobs/target/spark-home-classpath.txt): "
                    + "start a standalone cluster of two one-core workers and measure it")
    Path clusterClasspath;

    @Option(names = "--jar", paramLabel = "FILE",
            description = "the application jar the cluster's executors load")
    String jar;

    @Option(names = "--opens", paramLabel = "FLAGS",
            description = "the JVM flags of submit/java17-options.sh, for executors")
    String opens = "";

    @Option(names = "--bandwidth-gbytes", paramLabel = "GB/S",
            description = "driver network bandwidth the scaling model assumes (default 1.25, "
                    + "a 10 Gbit/s link)")
    double bandwidthGbytes = 1.25;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "override a configuration key of both cases; repeatable")
    List<String> overrides = new ArrayList<>();

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        for (String name : networks) {
            if (!name.equals("dcgan") && !name.equals("mlp")) {
                throw new com.sparkgan.config.ConfigException("--networks takes dcgan and mlp, "
                        + "not " + (name.isBlank() ? "an empty name" : name) + ".");
            }
        }
        Map<String, Object> all = new LinkedHashMap<>();
        LocalStandaloneCluster cluster = null;
        Path clusterDir = null;
        try {
            if (clusterClasspath != null && !quick && !plainOnly) {
                clusterDir = Files.createTempDirectory("sparkgan-bench-cluster");
                cluster = new LocalStandaloneCluster(clusterDir, clusterClasspath, opens, 2);
            }
            for (String name : networks) {
                all.put(name, benchmark(name, cluster));
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
        all.put("machine", Peak.describe());
        out.println(Json.line(Map.of("bench", all)));
        return 0;
    }

    /** The case's configuration: the same networks, batch and noise in every mode. */
    private JobConfig config(String name) {
        // train.local-steps stays at its default: the averaging period users get
        List<String> settings = new ArrayList<>(List.of("model.latent-size=64",
                "train.batch-size-per-worker=64", "data.limit=" + (quick ? 2048 : 12800)));
        if (name.equals("dcgan")) {
            settings.addAll(List.of("model.architecture=dcgan",
                    "model.dcgan.generator-filters=32", "model.dcgan.discriminator-filters=32"));
        } else {
            settings.addAll(List.of("model.architecture=mlp",
                    "model.mlp.generator-layers=[256,512]",
                    "model.mlp.discriminator-layers=[512,256]"));
        }
        settings.addAll(overrides);
        return ConfigLoader.load("", "bench", settings);
    }

    private int rounds(String name) {
        return quick ? 2 : name.equals("dcgan") ? 8 : 60;
    }

    private Map<String, Object> benchmark(String name, LocalStandaloneCluster cluster)
            throws Exception {
        JobConfig config = config(name);
        int rounds = rounds(name);
        int warmup = quick ? 1 : 2;
        List<Measurement> results = new ArrayList<>();
        results.add(plain(config, warmup, rounds));
        if (plainOnly) {
            return report(name, config, results);
        }
        results.add(spark(config, "local[1]", "SparkGAN local[1]", warmup, rounds));
        results.add(spark(config, "local[2]", "SparkGAN local[2]", warmup, rounds));
        if (cluster != null) {
            results.add(spark(config, cluster.master(), "SparkGAN standalone 2 x 1 core",
                    warmup, rounds));
        }
        return report(name, config, results);
    }

    private GanNetworks networks(JobConfig config, RealDataset data) {
        GanArchitecture architecture = Architectures.from(config, data.spec());
        return GanNetworks.create(architecture, Architectures.networkSettings(config),
                config.get(ConfigKeys.SEED));
    }

    private static NoiseSource noise(JobConfig config) {
        return NoiseSource.of(config.get(ConfigKeys.LATENT_SIZE), config.get(ConfigKeys.NOISE));
    }

    /** The plain loop: data loaded once (through a local Spark), trained with no Spark. */
    private Measurement plain(JobConfig config, int warmup, int rounds) {
        MemoryPeaks.reset();
        List<ExampleBlock> shard;
        GanNetworks networks;
        try (JavaSparkContext spark = context("local[1]", "bench-load")) {
            RealDataset data = new DatasetLoader(spark, config).load(input, 1);
            shard = data.shards().collect();
            networks = networks(config, data);
            data.release();
        }
        TrainingSettings settings = TrainingSettings.from(config,
                networks.architecture().classCount());
        PlainGanLoop loop = new PlainGanLoop(networks, shard, noise(config), settings);
        for (int round = 1; round <= warmup; round++) {
            loop.trainRound(round);
        }
        double seconds = 0;
        for (int round = warmup + 1; round <= warmup + rounds; round++) {
            double[] phases = loop.trainRound(round);
            seconds += phases[0] + phases[1];
        }
        long realPerRound = (long) settings.batchSize() * settings.discriminatorStepsPerRound();
        return new Measurement("plain DL4J loop (no Spark)", 1, realPerRound * rounds / seconds,
                seconds / rounds, Map.of(), MemoryPeaks.here(), null, networks);
    }

    private Measurement spark(JobConfig config, String master, String label, int warmup,
                              int rounds) {
        MemoryPeaks.reset();
        try (JavaSparkContext spark = context(master, "bench")) {
            int workers = master.startsWith("local[") ? Integer.parseInt(
                    master.substring(6, master.length() - 1)) : 2;
            RealDataset data = new DatasetLoader(spark, config).load(input, workers);
            GanNetworks networks = networks(config, data);
            TrainingSettings settings = TrainingSettings.from(config,
                    networks.architecture().classCount());
            try (ParameterAveragingGanTrainer trainer = new ParameterAveragingGanTrainer(spark,
                    data, networks, noise(config), settings, true)) {
                for (int round = 1; round <= warmup; round++) {
                    trainer.trainRound(round);
                }
                Map<String, Double> before = trainer.timingTotalsMs();
                double seconds = 0;
                long real = 0;
                for (int round = warmup + 1; round <= warmup + rounds; round++) {
                    RoundMetrics m = trainer.trainRound(round);
                    seconds += m.seconds();
                    real += m.realExamples();
                }
                Map<String, Double> per = Breakdown.perRound(before, trainer.timingTotalsMs(),
                        rounds, workers, seconds / rounds);
                MemoryPeaks executors = master.startsWith("local[") ? null
                        : spark.parallelize(List.of(0, 1), 2).map(i -> MemoryPeaks.here())
                        .reduce(MemoryPeaks::max);
                return new Measurement(label, workers, real / seconds, seconds / rounds, per,
                        MemoryPeaks.here(), executors, networks);
            }
        }
    }

    private JavaSparkContext context(String master, String name) {
        SparkConf conf = new SparkConf().setMaster(master).setAppName("sparkgan-" + name)
                .set("spark.ui.enabled", "false");
        if (!master.startsWith("local")) {
            conf.set("spark.jars", jar).set("spark.executor.cores", "1")
                    .set("spark.cores.max", "2").set("spark.executor.memory", "1500m")
                    .set("spark.executor.extraJavaOptions", opens + " "
                            + ParameterAveragingGanTrainer.SYSTEM_CLOCK_OPTION)
                    .set("spark.executorEnv.OMP_NUM_THREADS", "1")
                    .set("spark.executorEnv.OMP_WAIT_POLICY", "PASSIVE");
        }
        return new JavaSparkContext(SparkDefaults.apply(conf));
    }

    private Map<String, Object> report(String name, JobConfig config,
                                       List<Measurement> results) {
        Measurement plain = results.get(0);
        double[] forward = FlopCount.forward(plain.networks());
        double perExample = FlopCount.perRealExample(forward[0], forward[1]);
        out.printf(Locale.ROOT, "%n%s on Fashion-MNIST: batch %d per worker, noise %d, %d local "
                        + "steps per round; generator %,d parameters (%.2f MFLOP forward), "
                        + "discriminator %,d (%.2f MFLOP); ~%.1f MFLOP per real example "
                        + "trained%n%n", name, config.get(ConfigKeys.BATCH_SIZE),
                config.get(ConfigKeys.LATENT_SIZE), config.get(ConfigKeys.LOCAL_STEPS),
                plain.networks().generator().numParams(), forward[0] / 1e6,
                plain.networks().discriminator().numParams(), forward[1] / 1e6,
                perExample / 1e6);
        out.println("| mode | real examples/s | vs plain loop | s per round | GFLOP/s | "
                + "% of peak |");
        out.println("| --- | --- | --- | --- | --- | --- |");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Measurement m : results) {
            double gflops = m.examplesPerSecond() * perExample / 1e9;
            out.printf(Locale.ROOT, "| %s | %.0f | %.2f | %.3f | %.1f | %.1f |%n", m.label(),
                    m.examplesPerSecond(), m.examplesPerSecond() / plain.examplesPerSecond(),
                    m.secondsPerRound(), gflops, 100 * gflops / Peak.gflops());
            rows.add(m.asMap(plain.examplesPerSecond(), gflops));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("flops_per_real_example", perExample);
        summary.put("modes", rows);
        if (results.size() > 2) {
            double speedup = results.get(2).examplesPerSecond()
                    / results.get(1).examplesPerSecond();
            summary.put("speedup_1_to_2_workers", speedup);
            out.printf(Locale.ROOT, "%nlocal[1] -> local[2] speed-up: %.2fx%n", speedup);
        }
        if (results.size() > 1) {
            summary.put("scaling_model", timeBreakdown(config, results).asMap());
        }
        out.println();
        for (Measurement m : results) {
            out.println("memory, " + m.label() + ": driver " + m.driver().describe()
                    + (m.executors() == null ? "" : "; largest executor "
                    + m.executors().describe()));
        }
        return summary;
    }

    /** Prints where SparkGAN's rounds spend their time, and the scaling model built on it. */
    private ScalingModel timeBreakdown(JobConfig config, List<Measurement> results) {
        Measurement plain = results.get(0);
        out.printf("%nWhere a SparkGAN round's time goes (ms per round; task figures are per "
                + "worker):%n%n| mode | %s |%n| --- |%s%n", String.join(" | ", Breakdown.PARTS),
                " --- |".repeat(Breakdown.PARTS.size()));
        for (Measurement m : results.subList(1, results.size())) {
            StringBuilder line = new StringBuilder("| " + m.label() + " |");
            for (String part : Breakdown.PARTS) {
                line.append(String.format(Locale.ROOT, " %.0f |", m.breakdown().get(part)));
            }
            out.println(line);
        }
        Measurement largest = results.get(results.size() - 1);
        Map<String, Double> parts = largest.breakdown();
        double perWorker = parts.get("scheduling and transfer") / largest.workers();
        double constant = parts.get("driver work") + parts.get("broadcast")
                + parts.get("rebuild in tasks") + parts.get("applying the average");
        // making minibatches (the fakes included) is per-step work, like the fits
        double step = (parts.get("local training") + parts.get("minibatches in tasks"))
                / config.get(ConfigKeys.LOCAL_STEPS);
        ScalingModel model = new ScalingModel(plain.networks().generator().numParams(),
                plain.networks().discriminator().numParams(), constant, perWorker, step,
                bandwidthGbytes * 1e9);
        out.println();
        out.print(model.table());
        return model;
    }
}
