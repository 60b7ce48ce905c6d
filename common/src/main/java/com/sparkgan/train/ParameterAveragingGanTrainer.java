package com.sparkgan.train;

import com.sparkgan.config.ConfigException;
import com.sparkgan.config.ConfigKeys;
import com.sparkgan.data.RealDataset;
import com.sparkgan.nets.GanNetworks;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.DoubleAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.deeplearning4j.spark.api.RDDTrainingApproach;
import org.deeplearning4j.spark.api.Repartition;
import org.deeplearning4j.spark.impl.graph.SparkComputationGraph;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.deeplearning4j.spark.api.stats.SparkTrainingStats;
import org.deeplearning4j.spark.stats.EventStats;
import org.deeplearning4j.spark.time.SystemClockTimeSource;
import org.deeplearning4j.spark.time.TimeSourceProvider;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * The GAN trainer on dl4j-spark's parameter averaging. Each round has two phases, each one
 * Spark training job whose workers take their local steps and then average parameters and
 * Adam state:
 * <ol>
 *   <li>discriminator phase: each partition draws real minibatches from its shard and fakes
 *   from the broadcast generator; the discriminator learns to tell them apart;</li>
 *   <li>generator phase: the averaged discriminator is copied, frozen, into the adversarial
 *   stack; each partition draws noise and the generator learns to make the frozen
 *   discriminator answer "real".</li>
 * </ol>
 * Shards are never repartitioned or exported: the phase data are derived from them partition
 * by partition, so each worker keeps its shard.
 */
public final class ParameterAveragingGanTrainer implements GanTrainer {
    /**
     * The JVM option that makes dl4j-spark's training statistics read the local clock. Its
     * default asks a public NTP server, which fails (and delays every timed job) on clusters
     * without a route to the internet; executors of a timed run need this option too.
     */
    public static final String SYSTEM_CLOCK_OPTION = "-D"
            + TimeSourceProvider.TIMESOURCE_CLASSNAME_PROPERTY + "="
            + SystemClockTimeSource.class.getName();

    /**
     * The {@link #timingTotalsMs()} key of the time tasks spent making their minibatches
     * (sampling real rows, generating fakes, the probe), before dl4j-spark's worker starts.
     */
    public static final String MINIBATCH_BUILD_KEY = "SparkGanMinibatchBuildMs";

    private final JavaSparkContext spark;
    private final RealDataset data;
    private final GanNetworks networks;
    private final NoiseSource noise;
    private final TrainingSettings settings;
    private final SparkComputationGraph discriminatorTrainer;
    private final SparkComputationGraph adversarialTrainer;
    private final LongAccumulator discriminatorExamples;
    private final LongAccumulator generatorExamples;
    private final DoubleAccumulator generatorGradients;
    private final DoubleAccumulator minibatchBuildMs;
    private final IterationCountHook discriminatorIterations = new IterationCountHook();
    private final IterationCountHook generatorIterations = new IterationCountHook();
    private final boolean collectStats;

    public ParameterAveragingGanTrainer(JavaSparkContext spark, RealDataset data,
                                        GanNetworks networks, NoiseSource noise,
                                        TrainingSettings settings) {
        this(spark, data, networks, noise, settings, false);
    }

    /**
     * @param collectStats have dl4j-spark time every step of its jobs (master and workers),
     *                     for {@link #timingTotalsMs()}; costs a little, so only for
     *                     benchmarks
     */
    public ParameterAveragingGanTrainer(JavaSparkContext spark, RealDataset data,
                                        GanNetworks networks, NoiseSource noise,
                                        TrainingSettings settings, boolean collectStats) {
        requireFullBatches(data, settings.batchSize());
        this.collectStats = collectStats;
        if (collectStats && System.getProperty(
                TimeSourceProvider.TIMESOURCE_CLASSNAME_PROPERTY) == null) {
            System.setProperty(TimeSourceProvider.TIMESOURCE_CLASSNAME_PROPERTY,
                    SystemClockTimeSource.class.getName());
        }
        this.spark = spark;
        this.data = data;
        this.networks = networks;
        this.noise = noise;
        this.settings = settings;
        this.discriminatorExamples = spark.sc().longAccumulator("discriminator examples");
        this.generatorExamples = spark.sc().longAccumulator("generator examples");
        this.generatorGradients = spark.sc().doubleAccumulator("generator gradient norms");
        this.minibatchBuildMs = spark.sc().doubleAccumulator("minibatch building ms");
        int workers = data.workers();
        // Discriminator minibatches hold a real and a fake half.
        discriminatorTrainer = new SparkComputationGraph(spark, networks.discriminator(),
                trainingMaster(workers, 2 * settings.batchSize(),
                        settings.discriminatorStepsPerRound(), discriminatorExamples,
                        discriminatorIterations));
        adversarialTrainer = new SparkComputationGraph(spark, networks.adversarial(),
                trainingMaster(workers, settings.batchSize(), settings.localSteps(),
                        generatorExamples, generatorIterations));
        adversarialTrainer.setListeners(List.of(new GeneratorGradientListener(
                generatorGradients)));
    }

    /** Every worker must be able to draw a full minibatch from its own shard. */
    private static void requireFullBatches(RealDataset data, int batch) {
        if (data.smallestShard() < batch) {
            long fitting = data.count() / batch;
            String fewerWorkers = fitting >= 1 && fitting < data.workers()
                    ? " or set " + ConfigKeys.WORKERS.name() + " to " + fitting + " or fewer" : "";
            throw new ConfigException("The " + data.count() + " examples of "
                    + data.spec().source() + " split into " + data.workers() + " shards of at "
                    + "least " + data.smallestShard() + ", fewer than the "
                    + ConfigKeys.BATCH_SIZE.name() + " of " + batch + "; lower "
                    + ConfigKeys.BATCH_SIZE.name() + " to " + Math.max(1, data.smallestShard())
                    + fewerWorkers + ".");
        }
    }

    /**
     * One averaging per phase and round: a split of workers x steps minibatches, so dl4j-spark
     * runs exactly one training job; the data are neither repartitioned nor exported.
     */
    private ParameterAveragingTrainingMaster trainingMaster(int workers, int minibatch,
                                                            int steps, LongAccumulator counter,
                                                            IterationCountHook iterations) {
        ParameterAveragingTrainingMaster.Builder builder =
                new ParameterAveragingTrainingMaster.Builder(workers, minibatch)
                        .batchSizePerWorker(minibatch)
                        .averagingFrequency(steps)
                        .workerPrefetchNumBatches(0)
                        .saveUpdater(true)
                        .repartionData(Repartition.Never)
                        .rddTrainingApproach(RDDTrainingApproach.Direct)
                        .storageLevel(null)
                        .rngSeed(settings.seed())
                        .trainingHooks(new ExampleCounter(counter), iterations)
                        .collectTrainingStats(collectStats);
        return new SingleSplitTrainingMaster(builder, (long) workers * steps);
    }

    @Override
    public RoundMetrics trainRound(int round) {
        long started = System.nanoTime();
        DiscriminatorBatches.DiscriminatorProbe probe =
                new DiscriminatorBatches.DiscriminatorProbe(spark.sc(), round);
        long dExamples = discriminatorPhase(round, probe);
        generatorGradients.reset();
        long gExamples = generatorPhase(round);
        double gradient = generatorGradients.avg();
        double seconds = (System.nanoTime() - started) / 1e9;
        return new RoundMetrics(round, discriminatorTrainer.getScore(),
                adversarialTrainer.getScore(), probe.meanReal(), probe.meanFake(),
                probe.diversityRatio(), gradient, dExamples, gExamples, dExamples / 2, seconds);
    }

    long discriminatorPhase(int round, DiscriminatorBatches.DiscriminatorProbe probe) {
        Broadcast<NetworkState> generator = spark.broadcast(
                NetworkState.of(networks.generator()));
        Broadcast<NetworkState> discriminator = spark.broadcast(
                NetworkState.of(networks.discriminator()));
        JavaRDD<MultiDataSet> batches = data.shards().mapPartitionsWithIndex(
                new DiscriminatorBatches(generator, discriminator, noise, settings, round, probe,
                        minibatchBuildMs), true);
        discriminatorIterations.startAt(networks.discriminator().getIterationCount());
        long examples = fit(discriminatorTrainer, batches, discriminatorExamples, round,
                "discriminator");
        generator.destroy(false);
        discriminator.destroy(false);
        return examples;
    }

    long generatorPhase(int round) {
        networks.discriminatorInAdversarial();
        JavaRDD<MultiDataSet> batches = data.shards().mapPartitionsWithIndex(
                new GeneratorBatches(noise, settings, round, minibatchBuildMs), true);
        generatorIterations.startAt(networks.adversarial().getIterationCount());
        long examples = fit(adversarialTrainer, batches, generatorExamples, round, "generator");
        networks.generatorFromAdversarial();
        return examples;
    }

    private long fit(SparkComputationGraph trainer, JavaRDD<MultiDataSet> batches,
                     LongAccumulator counter, int round, String phase) {
        spark.setJobGroup("round-" + round, "round " + round + " " + phase + " phase", false);
        counter.reset();
        try {
            trainer.fitMultiDataSet(batches.setName("round " + round + " " + phase
                    + " minibatches"));
        } finally {
            batches.unpersist(false);
            spark.clearJobGroup();
        }
        long examples = counter.value();
        if (examples == 0) {
            throw new TrainingFailedException("The " + phase + " phase of round " + round
                    + " trained on no examples: every worker's shard was empty or skipped; "
                    + "use fewer workers (train.workers) or more data.");
        }
        return examples;
    }

    /**
     * Total milliseconds per dl4j-spark timing (such as
     * {@code ParameterAveragingMasterAggregateTimesMs} or
     * {@code WorkerFlatMapProcessMiniBatchTimesMs}), summed over both phases and every round
     * so far; worker timings are summed over workers. Empty unless stats are collected.
     */
    public Map<String, Double> timingTotalsMs() {
        Map<String, Double> totals = new TreeMap<>();
        if (collectStats) {
            add(totals, discriminatorTrainer.getSparkTrainingStats());
            add(totals, adversarialTrainer.getSparkTrainingStats());
            totals.put(MINIBATCH_BUILD_KEY, minibatchBuildMs.sum());
        }
        return totals;
    }

    private static void add(Map<String, Double> totals, SparkTrainingStats stats) {
        if (stats == null) {
            return;
        }
        for (String key : stats.getKeySet()) {
            double ms = 0;
            for (EventStats event : stats.getValue(key)) {
                ms += event.getDurationMs();
            }
            totals.merge(key, ms, Double::sum);
        }
        // The master's keys already include its workers' (getNestedTrainingStats): adding
        // the nested statistics too would count every worker timing twice.
    }

    @Override
    public GanNetworks networks() {
        return networks;
    }

    @Override
    public void close() {
        data.release();
    }
}
