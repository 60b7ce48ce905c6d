package com.sparkgan.generate;

import com.sparkgan.data.DatasetSpec;
import com.sparkgan.data.IdxHeader;
import com.sparkgan.io.AtomicFolder;
import com.sparkgan.io.FileWritingJob;
import com.sparkgan.io.HadoopConf;
import com.sparkgan.io.HadoopFiles;
import com.sparkgan.io.Json;
import com.sparkgan.train.NetworkState;
import com.sparkgan.train.NoiseSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates synthetic examples in parallel on executors (one seed per partition) and commits
 * them as {@code synthetic/}: IDX files for images or CSV parts for tables, with
 * {@code manifest.json} and {@code _SUCCESS}. The folder appears whole or not at all.
 */
public final class SyntheticWriter {
    private static final Logger LOG = LoggerFactory.getLogger(SyntheticWriter.class);
    /** Examples per part above which a part takes long enough to warn about. */
    private static final long LARGE_PART = 10_000_000;
    public static final String MANIFEST = "manifest.json";

    private final JavaSparkContext spark;

    public SyntheticWriter(JavaSparkContext spark) {
        this.spark = spark;
    }

    /**
     * What to generate.
     *
     * @param count examples in all
     * @param partitions parallel tasks
     * @param format output format
     * @param compress gzip IDX files
     * @param seed the generation seed
     * @param model where the generator came from, recorded in the manifest
     * @param replace replace an existing {@code synthetic/}
     * @param classes the examples of each class, for a conditional generator (else null);
     *                its total is the count
     */
    public record Request(int count, int partitions, SyntheticFormat format, boolean compress,
                          long seed, String model, boolean replace, ClassPlan classes) {
    }

    /** Generates into {@code target} and returns the manifest written. */
    public Map<String, Object> write(ComputationGraph generator, DatasetSpec spec,
                                     NoiseSource noise, Request request, Path target) {
        Configuration hadoop = spark.hadoopConfiguration();
        long started = System.nanoTime();
        announce(spec, request);
        if (HadoopFiles.exists(target, hadoop) && !request.replace()) {
            throw new com.sparkgan.io.StorageException(target + " already exists; pass "
                    + "--overwrite to replace it.");
        }
        try (AtomicFolder folder = AtomicFolder.begin(target, hadoop)) {
            Path staging = folder.staging();
            Path parts = request.format() == SyntheticFormat.IDX ? new Path(staging, "parts")
                    : staging;
            HadoopFiles.mkdirs(parts, hadoop);
            long written = generateParts(generator, spec, noise, request, parts);
            List<String> files = request.format() == SyntheticFormat.IDX
                    ? joinIdx(spec, request, parts, staging, written) : partNames(request);
            Map<String, Object> manifest = manifest(spec, request, written, files);
            HadoopFiles.writeText(new Path(staging, MANIFEST), hadoop, Json.pretty(manifest));
            folder.commit(request.replace());
            LOG.info("Wrote {} synthetic examples to {} in {} s", written, target,
                    String.format("%.1f", (System.nanoTime() - started) / 1e9));
            return manifest;
        }
    }

    private long generateParts(ComputationGraph generator, DatasetSpec spec, NoiseSource noise,
                               Request request, Path parts) {
        Broadcast<NetworkState> state = spark.broadcast(NetworkState.of(generator));
        PartWriter writer = new PartWriter(state, spec, noise, request.format(), request.seed(),
                parts.toString(), new HadoopConf(spark.hadoopConfiguration()),
                request.classes());
        int partitions = request.partitions();
        int count = request.count();
        List<Integer> ids = IntStream.range(0, partitions).boxed().toList();
        try {
            return FileWritingJob.run(spark, "generate: " + count + " synthetic examples",
                    () -> spark.parallelize(ids, partitions)
                            .map(p -> writer.write(p, start(p, count, partitions),
                                    (int) (start(p + 1, count, partitions)
                                            - start(p, count, partitions))))
                            .reduce(Long::sum));
        } finally {
            state.destroy(false);
        }
    }

    /**
     * Tells the operator what is coming, since a part reports nothing until it is written:
     * the size, and a warning when parts grow so large that one task runs for a long time.
     */
    private static void announce(DatasetSpec spec, Request request) {
        long perPart = ((long) request.count() + request.partitions() - 1)
                / request.partitions();
        // IDX holds a byte per value; CSV text takes about 8
        double megabytes = (double) request.count() * spec.featureCount()
                * (request.format() == SyntheticFormat.IDX ? 1 : 8) / 1e6;
        LOG.info("Generating {} synthetic examples (about {} MB before compression) in {} "
                        + "parts of up to {}", request.count(),
                String.format(java.util.Locale.ROOT, "%.1f", megabytes), request.partitions(),
                perPart);
        if (perPart > LARGE_PART) {
            LOG.warn("Each part holds up to {} examples, written by one task with no progress "
                            + "report until it ends; set generate.partitions to {} or more to "
                            + "keep parts under {}.", perPart,
                    ((long) request.count() + LARGE_PART - 1) / LARGE_PART, LARGE_PART);
        }
    }

    /** Where partition {@code partition}'s examples start in the whole output. */
    private static long start(int partition, int count, int partitions) {
        return (long) count * partition / partitions;
    }

    private List<String> partNames(Request request) {
        List<String> names = new ArrayList<>();
        for (int p = 0; p < request.partitions(); p++) {
            names.add(PartWriter.partName(p, request.format()));
        }
        return names;
    }

    /**
     * Streams the header and the parts, in order, into one IDX images file (and one labels
     * file beside it for a conditional generator); drops the parts.
     */
    private List<String> joinIdx(DatasetSpec spec, Request request, Path parts, Path staging,
                                 long count) {
        Configuration hadoop = spark.hadoopConfiguration();
        String suffix = request.compress() ? ".gz" : "";
        List<String> names = new ArrayList<>();
        names.add("images-idx3-ubyte" + suffix);
        joinParts(new Path(staging, names.get(0)), request, parts, IdxHeader.encode((int) count,
                spec.imageHeight(), spec.imageWidth()), partNames(request));
        if (request.classes() != null) {
            names.add("labels-idx1-ubyte" + suffix);
            List<String> labelParts = new ArrayList<>();
            for (int p = 0; p < request.partitions(); p++) {
                labelParts.add(PartWriter.labelPartName(p));
            }
            joinParts(new Path(staging, names.get(1)), request, parts,
                    IdxHeader.encode((int) count), labelParts);
        }
        try {
            HadoopFiles.fileSystem(parts, hadoop).delete(parts, true);
        } catch (IOException e) {
            throw new com.sparkgan.io.StorageException("Cannot delete " + parts + ": "
                    + e.getMessage() + ".", e);
        }
        return names;
    }

    private void joinParts(Path file, Request request, Path parts, byte[] header,
                           List<String> partFiles) {
        Configuration hadoop = spark.hadoopConfiguration();
        HadoopFiles.write(file, hadoop, raw -> {
            OutputStream out = request.compress() ? new GZIPOutputStream(raw, 1 << 16) : raw;
            out.write(header);
            FileSystem fs = HadoopFiles.fileSystem(parts, hadoop);
            for (String part : partFiles) {
                try (InputStream in = fs.open(new Path(parts, part))) {
                    in.transferTo(out);
                }
            }
            out.flush();
            if (out instanceof GZIPOutputStream gzip) {
                gzip.finish();
            }
        });
    }

    private static Map<String, Object> manifest(DatasetSpec spec, Request request, long count,
                                                List<String> files) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("count", count);
        manifest.put("format", request.format().name().toLowerCase());
        manifest.put("files", files);
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("feature_count", spec.featureCount());
        if (spec.isImage()) {
            schema.put("image_height", spec.imageHeight());
            schema.put("image_width", spec.imageWidth());
        }
        schema.put("columns", spec.columns());
        manifest.put("schema", schema);
        if (request.classes() != null) {
            manifest.put("class_counts", request.classes().counts());
        }
        manifest.put("seed", request.seed());
        manifest.put("partitions", request.partitions());
        manifest.put("model", request.model());
        manifest.put("trained_on", spec.source());
        manifest.put("created", Instant.now().toString());
        return manifest;
    }
}
