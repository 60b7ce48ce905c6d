package com.sparkgan.train;

import com.sparkgan.data.DatasetSpec;
import com.sparkgan.generate.SampleGrid;
import com.sparkgan.io.AtomicFolder;
import com.sparkgan.io.HadoopFiles;
import com.sparkgan.io.Json;
import com.sparkgan.io.MetricsLog;
import com.sparkgan.io.ModelStore;
import com.sparkgan.io.RunLayout;
import com.sparkgan.nets.GanNetworks;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives a {@link GanTrainer} round by round and writes what an operator needs: one log line
 * and one {@code metrics.jsonl} record per round, sample grids and checkpoints every few
 * rounds, and the final models.
 */
public final class TrainingLoop {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingLoop.class);

    private final GanTrainer trainer;
    private final RunLayout layout;
    private final Configuration hadoop;
    private final DatasetSpec spec;
    private final NoiseSource noise;
    private final LoopSettings settings;

    /**
     * @param rounds rounds to train in all
     * @param checkpointEvery rounds between checkpoints
     * @param sampleEvery rounds between sample grids
     * @param gridSize the sample grid's side, in examples
     * @param seed the run's seed, from which the grid's fixed noise is drawn
     */
    public record LoopSettings(int rounds, int checkpointEvery, int sampleEvery, int gridSize,
                               long seed) {
    }

    public TrainingLoop(GanTrainer trainer, RunLayout layout, Configuration hadoop,
                        DatasetSpec spec, NoiseSource noise, LoopSettings settings) {
        this.trainer = trainer;
        this.layout = layout;
        this.hadoop = hadoop;
        this.spec = spec;
        this.noise = noise;
        this.settings = settings;
    }

    /** Trains rounds {@code firstRound} to the last and returns their metrics. */
    public List<RoundMetrics> run(int firstRound) {
        MetricsLog metricsLog = MetricsLog.resume(layout.metrics(), hadoop, firstRound - 1);
        ProgressLine progress = new ProgressLine(firstRound, settings.rounds());
        INDArray gridNoise = noise.draw(settings.gridSize() * settings.gridSize(),
                new SplittableRandom(Seeds.derive(settings.seed(), Seeds.Stream.SAMPLE_GRID, 0,
                        0)));
        List<RoundMetrics> all = new ArrayList<>();
        for (int round = firstRound; round <= settings.rounds(); round++) {
            RoundMetrics metrics = trainer.trainRound(round);
            if (!metrics.finite()) {
                throw new TrainingFailedException("Round " + round + " produced non-finite "
                        + "losses (d_loss=" + metrics.discriminatorLoss() + ", g_loss="
                        + metrics.generatorLoss() + "); lower train.generator.learning-rate "
                        + "and train.discriminator.learning-rate.");
            }
            all.add(metrics);
            LOG.info(progress.format(metrics));
            metricsLog.append(metrics.asMap(progress.elapsedSeconds()));
            boolean last = round == settings.rounds();
            if (last || round % settings.sampleEvery() == 0) {
                writeSamples(round, gridNoise);
            }
            if (last || round % settings.checkpointEvery() == 0) {
                saveModelFolder(layout.checkpoint(round), round, true);
            }
        }
        saveModelFolder(layout.model(), settings.rounds(), false);
        return all;
    }

    /** Writes networks, dataset description and round into a folder, atomically. */
    private void saveModelFolder(Path folder, int round, boolean replace) {
        GanNetworks networks = trainer.networks();
        try (AtomicFolder out = AtomicFolder.begin(folder, hadoop)) {
            Path staging = out.staging();
            ModelStore.saveNetwork(networks.generator(), new Path(staging, ModelStore.GENERATOR),
                    hadoop, false);
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

    private void writeSamples(int round, INDArray gridNoise) {
        INDArray out = trainer.networks().generator().output(gridNoise, false);
        int count = (int) gridNoise.size(0);
        float[][] rows = out.reshape('c', count, spec.featureCount()).toFloatMatrix();
        if (spec.isImage()) {
            Path file = layout.sampleGrid(round);
            HadoopFiles.write(file, hadoop, stream -> {
                if (!ImageIO.write(SampleGrid.render(rows, spec.imageHeight(),
                        spec.imageWidth(), settings.gridSize()), "png", stream)) {
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
}
