package com.sparkgan.train;

import com.sparkgan.data.DatasetSpec;
import com.sparkgan.generate.SampleGrid;
import com.sparkgan.io.AtomicFolder;
import com.sparkgan.io.HadoopFiles;
import com.sparkgan.io.Json;
import com.sparkgan.io.MetricsLog;
import com.sparkgan.io.ModelStore;
import com.sparkgan.io.RunLayout;
import com.sparkgan.nets.GanInputs;
import com.sparkgan.nets.GanNetworks;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives a {@link GanTrainer} round by round and writes what an operator needs: one log line
 * and one {@code metrics.jsonl} record per round, sample grids and checkpoints every few
 * rounds, and the final models. It keeps the generator's moving average when asked, and
 * applies the {@link TrainingGuards}' decisions: a warning, a stop, or a rollback to the last
 * good checkpoint (one written while no collapse signal was building up, or the start) with
 * lower learning rates, each recorded in {@code metrics.jsonl}.
 */
public final class TrainingLoop {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingLoop.class);
    /** Rows of a conditional sample grid at most: one per class up to this many classes. */
    private static final int MAX_CLASS_ROWS = 32;

    private final GanTrainer trainer;
    private final RunLayout layout;
    private final Configuration hadoop;
    private final DatasetSpec spec;
    private final NoiseSource noise;
    private final LoopSettings settings;
    private final GeneratorAverage average;

    /**
     * @param rounds rounds to train in all
     * @param checkpointEvery rounds between checkpoints
     * @param sampleEvery rounds between sample grids
     * @param gridSize the sample grid's side, in examples
     * @param seed the run's seed, from which the grid's fixed noise is drawn
     * @param guards the guards' thresholds
     * @param learningRateFactor the factor a rollback applies to both learning rates
     * @param maxRollbacks rollbacks allowed before the run fails
     */
    public record LoopSettings(int rounds, int checkpointEvery, int sampleEvery, int gridSize,
                               long seed, TrainingGuards.Settings guards,
                               double learningRateFactor, int maxRollbacks) {
    }

    /**
     * @param average the generator's moving average, or null when the run keeps none
     */
    public TrainingLoop(GanTrainer trainer, RunLayout layout, Configuration hadoop,
                        DatasetSpec spec, NoiseSource noise, LoopSettings settings,
                        GeneratorAverage average) {
        this.trainer = trainer;
        this.layout = layout;
        this.hadoop = hadoop;
        this.spec = spec;
        this.noise = noise;
        this.settings = settings;
        this.average = average;
    }

    /** Trains rounds {@code firstRound} to the last and returns their metrics. */
    public List<RoundMetrics> run(int firstRound) {
        MetricsLog metricsLog = MetricsLog.resume(layout.metrics(), hadoop, firstRound - 1);
        ProgressLine progress = new ProgressLine(firstRound, settings.rounds());
        TrainingGuards guards = new TrainingGuards(settings.guards());
        GanNetworks networks = trainer.networks();
        NetworkSnapshot lastGood = NetworkSnapshot.of(firstRound - 1, networks, average);
        int rollbacks = 0;
        List<RoundMetrics> all = new ArrayList<>();
        for (int round = firstRound; round <= settings.rounds(); round++) {
            RoundMetrics metrics = trainer.trainRound(round);
            boolean parametersFinite = finite(networks.generator())
                    && finite(networks.discriminator());
            List<TrainingGuards.Alarm> alarms = guards.check(metrics, parametersFinite);
            // The most serious alarm decides; the others of the round are recorded beside it.
            TrainingGuards.Alarm alarm = alarms.isEmpty() ? null : alarms.get(0);
            boolean voided = alarm != null && alarm.signal() == TrainingGuards.Signal.NON_FINITE;
            if (!voided) {
                if (average != null) {
                    average.update(networks.generator());
                }
                all.add(metrics);
                LOG.info(progress.format(metrics));
                metricsLog.append(metrics.asMap(progress.elapsedSeconds()));
            }
            if (alarm != null) {
                Map<String, Object> record = alarm.asMap();
                if (alarm.action() == TrainingGuards.Action.ROLLBACK
                        && rollbacks < settings.maxRollbacks()) {
                    rollbacks++;
                    lastGood.restore(networks, average);
                    double gRate = LearningRates.scale(networks.adversarial(), "g-",
                            settings.learningRateFactor());
                    double dRate = LearningRates.scale(networks.discriminator(), "d-",
                            settings.learningRateFactor());
                    guards.reset();
                    record.put("rollback_to", lastGood.round());
                    record.put("generator_learning_rate", gRate);
                    record.put("discriminator_learning_rate", dRate);
                    metricsLog.append(record);
                    LOG.warn("{} Rolling back to round {} ({} of {} rollbacks); learning rates "
                                    + "now {} (generator) and {} (discriminator).",
                            alarm.message(), lastGood.round(), rollbacks,
                            settings.maxRollbacks(), gRate, dRate);
                    round = lastGood.round();
                    continue;
                }
                if (alarm.action() != TrainingGuards.Action.WARN) {
                    record.put("action", "stop");
                    metricsLog.append(record);
                    throw new TrainingFailedException(alarm.message()
                            + (alarm.action() == TrainingGuards.Action.ROLLBACK
                            ? " The " + settings.maxRollbacks() + " rollbacks allowed "
                            + "(guard.max-rollbacks) are spent." : ""));
                }
                for (TrainingGuards.Alarm warning : alarms) {
                    metricsLog.append(warning.asMap());
                    LOG.warn(warning.message());
                }
            }
            boolean last = round == settings.rounds();
            if (last || round % settings.sampleEvery() == 0) {
                writeSamples(round);
            }
            if (last || round % settings.checkpointEvery() == 0) {
                saveModelFolder(layout.checkpoint(round), round);
                // A checkpoint taken while a collapse signal builds up is not one to return to.
                if (guards.quiet()) {
                    lastGood = NetworkSnapshot.of(round, networks, average);
                }
            }
        }
        saveModelFolder(layout.model(), settings.rounds());
        return all;
    }

    private static boolean finite(ComputationGraph network) {
        return Double.isFinite(network.params().sumNumber().doubleValue());
    }

    /** The generator samples come from: the moving average when kept, else the last one. */
    public ComputationGraph samplingGenerator() {
        return average != null ? average.network() : trainer.networks().generator();
    }

    /**
     * Writes networks, dataset description and round into a folder, atomically, replacing
     * the folder of an earlier pass: a resumed run supersedes the model it extends, and a
     * fresh run over a finished one was refused or staged apart before training began.
     */
    private void saveModelFolder(Path folder, int round) {
        GanNetworks networks = trainer.networks();
        try (AtomicFolder out = AtomicFolder.begin(folder, hadoop)) {
            Path staging = out.staging();
            ModelStore.saveNetwork(networks.generator(), new Path(staging, ModelStore.GENERATOR),
                    hadoop, false);
            if (average != null) {
                ModelStore.saveNetwork(average.network(),
                        new Path(staging, ModelStore.GENERATOR_AVERAGE), hadoop, false);
            }
            ModelStore.saveNetwork(networks.discriminator(),
                    new Path(staging, ModelStore.DISCRIMINATOR), hadoop, true);
            ModelStore.saveNetwork(networks.adversarial(),
                    new Path(staging, ModelStore.ADVERSARIAL), hadoop, true);
            ModelStore.saveDatasetSpec(spec, new Path(staging, ModelStore.DATASET), hadoop);
            HadoopFiles.writeText(new Path(staging, ModelStore.STATE), hadoop,
                    Json.pretty(Map.of("round", round, "seed", settings.seed())));
            out.commit(true);
        }
        LOG.info("Saved {} (round {})", folder, round);
    }

    private void writeSamples(int round) {
        int classes = trainer.networks().architecture().classCount();
        int side = settings.gridSize();
        // A conditional grid has a row per class (up to a limit), so that every class shows.
        int count = side * (classes == 0 ? side
                : Math.max(side, Math.min(classes, MAX_CLASS_ROWS)));
        INDArray gridNoise = noise.draw(count, new SplittableRandom(
                Seeds.derive(settings.seed(), Seeds.Stream.SAMPLE_GRID, 0, 0)));
        INDArray out = samplingGenerator().output(false, GanInputs.of(gridNoise,
                gridLabels(count, side, classes), classes))[0];
        float[][] rows = out.reshape('c', count, spec.featureCount()).toFloatMatrix();
        if (spec.isImage()) {
            Path file = layout.sampleGrid(round);
            HadoopFiles.write(file, hadoop, stream -> {
                if (!ImageIO.write(SampleGrid.render(rows, spec.imageHeight(),
                        spec.imageWidth(), side), "png", stream)) {
                    throw new IOException("no PNG writer available");
                }
            });
        } else {
            StringBuilder csv = new StringBuilder(String.join(",", spec.columns())).append('\n');
            for (float[] row : rows) {
                for (int c = 0; c < row.length; c++) {
                    csv.append(c == 0 ? "" : ",").append(spec.scaling().fromUnit(c, row[c]));
                }
                csv.append('\n');
            }
            HadoopFiles.writeText(layout.samplePreview(round), hadoop, csv.toString());
        }
    }

    /** A conditional grid shows one class per row, cycling through the classes. */
    static int[] gridLabels(int count, int side, int classes) {
        if (classes == 0) {
            return null;
        }
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (i / side) % classes;
        }
        return labels;
    }
}
