package com.sparkgan.data;

import com.sparkgan.config.ConfigException;
import com.sparkgan.config.ConfigKeys;
import com.sparkgan.config.JobConfig;
import com.sparkgan.io.HadoopConf;
import com.sparkgan.io.HadoopFiles;
import com.sparkgan.io.StorageException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * Reads real data through Spark into one persisted shard per worker. The driver reads only
 * headers and first lines; decoding, scaling and sharding run on executors.
 */
public final class DatasetLoader {
    private static final Logger LOG = LoggerFactory.getLogger(DatasetLoader.class);
    private static final int ROWS_PER_BLOCK = 4096;

    private final JavaSparkContext spark;
    private final JobConfig config;

    public DatasetLoader(JavaSparkContext spark, JobConfig config) {
        this.spark = spark;
        this.config = config;
    }

    /** Fails before Spark starts when {@code input} names nothing that exists. */
    public static void requireInput(String input, Configuration hadoop) {
        if (EmbeddedDataset.isEmbedded(input)) {
            EmbeddedDataset.byUri(input);
        } else if (!HadoopFiles.exists(HadoopFiles.path(input), hadoop)) {
            throw new StorageException("The input " + input + " does not exist.");
        }
    }

    /** Loads {@code input} into {@code workers} shards. */
    public RealDataset load(String input, int workers) {
        return load(input, workers, null);
    }

    /**
     * Loads {@code input} into {@code workers} shards, mapping raw values to [-1, 1] with
     * {@code known} instead of the data's own range when it is given: synthetic data must be
     * read in the units of the real data it imitates.
     */
    public RealDataset load(String input, int workers, Scaling known) {
        long started = System.nanoTime();
        Sharded sharded = isIdx(input) ? loadIdx(input, workers, known)
                : loadCsv(input, workers, known);
        JavaRDD<ExampleBlock> shards = sharded.blocks()
                .setName("real data shards of " + input)
                .persist(StorageLevel.MEMORY_AND_DISK_SER());
        spark.setJobDescription("load: read and shard " + input);
        List<ShardSummary> summaries = shards.mapPartitions(DatasetLoader::summarize).collect();
        if (sharded.intermediate() != null) {
            sharded.intermediate().unpersist(false);
        }
        long[] sizes = summaries.stream().mapToLong(ShardSummary::rows).toArray();
        TreeMap<Integer, Long> classCounts = new TreeMap<>();
        summaries.forEach(s -> s.classCounts().forEach((label, n) -> classCounts.merge(label, n,
                Long::sum)));
        int classCount = classCounts.isEmpty() ? 0 : classCounts.lastKey() + 1;
        DatasetSpec spec = sharded.spec(classCount);
        LOG.info("Loaded {} examples of {} values from {} into {} shards in {} s "
                        + "(classes={}, image={})", java.util.Arrays.stream(sizes).sum(),
                spec.featureCount(), input, sizes.length,
                String.format("%.1f", (System.nanoTime() - started) / 1e9), classCount,
                spec.isImage() ? spec.imageHeight() + "x" + spec.imageWidth() : "no");
        return new RealDataset(spec, shards, sizes, classCounts);
    }

    /**
     * What one shard holds.
     *
     * @param rows its examples
     * @param classCounts its examples per label (empty when unlabelled)
     */
    private record ShardSummary(long rows, TreeMap<Integer, Long> classCounts)
            implements Serializable {
    }

    private static Iterator<ShardSummary> summarize(Iterator<ExampleBlock> it) {
        long rows = 0;
        TreeMap<Integer, Long> counts = new TreeMap<>();
        while (it.hasNext()) {
            ExampleBlock block = it.next();
            rows += block.rows();
            if (block.hasLabels()) {
                for (int r = 0; r < block.rows(); r++) {
                    counts.merge(block.label(r), 1L, Long::sum);
                }
            }
        }
        return List.of(new ShardSummary(rows, counts)).iterator();
    }

    private boolean isIdx(String input) {
        String format = config.get(ConfigKeys.DATA_FORMAT);
        if (!format.equals("auto")) {
            return format.equals("idx");
        }
        return !EmbeddedDataset.isEmbedded(input) && input.contains("idx3-ubyte");
    }

    /**
     * The shards before persisting, how to describe them once classes are counted, and the
     * persisted intermediate they are computed from (or null), to release once they exist.
     */
    private record Sharded(JavaRDD<ExampleBlock> blocks, SpecFactory specFactory,
                           JavaRDD<?> intermediate) {
        Sharded(JavaRDD<ExampleBlock> blocks, SpecFactory specFactory) {
            this(blocks, specFactory, null);
        }

        DatasetSpec spec(int classCount) {
            return specFactory.create(classCount);
        }
    }

    @FunctionalInterface
    private interface SpecFactory {
        DatasetSpec create(int classCount);
    }

    // ---- IDX

    private Sharded loadIdx(String images, int workers, Scaling known) {
        Configuration hadoop = spark.hadoopConfiguration();
        Path imagesPath = new Path(images);
        HadoopFiles.requireFile(imagesPath, hadoop, "input file");
        IdxHeader header = readIdxHeader(imagesPath, hadoop, 3);
        int count = limited(header.count());
        String labels = labelsFileFor(images, hadoop);
        if (labels != null) {
            IdxHeader labelHeader = readIdxHeader(new Path(labels), hadoop, 1);
            if (labelHeader.count() != header.count()) {
                throw new DataFormatException("The labels file " + labels + " holds "
                        + labelHeader.count() + " labels for the " + header.count()
                        + " images of " + images + ".");
            }
        }
        Scaling scaling = known != null ? requireWidth(known, header.itemSize(), images)
                : Scaling.uniform(header.itemSize(), 0, 255);
        long largestShard = (long) count / workers + 1;
        if (largestShard * header.itemSize() > Integer.MAX_VALUE - 64) {
            throw new DataFormatException(images + " declares " + header.count() + " images of "
                    + header.itemSize() + " bytes, more than " + workers + " shards can hold "
                    + "(2 GB each); set train.workers higher or check the file's header.");
        }
        IdxShardReader reader = new IdxShardReader(images, labels, scaling,
                new HadoopConf(hadoop));
        List<Integer> shardIds = IntStream.range(0, workers).boxed().toList();
        JavaRDD<ExampleBlock> blocks = spark.parallelize(shardIds, workers)
                .map(shard -> reader.read(rangeStart(shard, count, workers),
                        rangeStart(shard + 1, count, workers)));
        int height = header.dimensions()[1];
        int width = header.dimensions()[2];
        int size = header.itemSize();
        return new Sharded(blocks, classes -> new DatasetSpec(size, height, width, classes,
                DatasetSpec.numberedColumns(size), scaling, images));
    }

    private static Scaling requireWidth(Scaling known, int width, String source) {
        if (known.width() != width) {
            throw new DataFormatException(source + " holds examples of " + width + " values, "
                    + "but the data it is compared with have " + known.width() + ".");
        }
        return known;
    }

    private static int rangeStart(int shard, int count, int shards) {
        return (int) ((long) count * shard / shards);
    }

    private static IdxHeader readIdxHeader(Path path, Configuration hadoop, int dimensions) {
        try (InputStream in = HadoopFiles.openMaybeGzipped(path, hadoop)) {
            return IdxHeader.read(in, dimensions, path.toString());
        } catch (IOException e) {
            throw new StorageException("Cannot read " + path + ": " + HadoopFiles.reason(e)
                    + ".", e);
        }
    }

    /** The configured labels file, or the {@code labels-idx1} file beside the images. */
    private String labelsFileFor(String images, Configuration hadoop) {
        String configured = config.get(ConfigKeys.DATA_LABELS).trim();
        if (!configured.isEmpty()) {
            HadoopFiles.requireFile(HadoopFiles.path(configured), hadoop, "labels file");
            return configured;
        }
        String sibling = images.replace("images-idx3-ubyte", "labels-idx1-ubyte");
        if (sibling.equals(images)) {
            return null;
        }
        // Gzipped images may sit beside plain labels, and the other way round.
        String otherEnding = sibling.endsWith(".gz")
                ? sibling.substring(0, sibling.length() - 3) : sibling + ".gz";
        for (String candidate : List.of(sibling, otherEnding)) {
            if (HadoopFiles.exists(new Path(candidate), hadoop)) {
                return candidate;
            }
        }
        return null;
    }

    private int limited(int count) {
        int limit = config.get(ConfigKeys.DATA_LIMIT);
        return limit > 0 ? Math.min(limit, count) : count;
    }

    // ---- CSV

    private Sharded loadCsv(String input, int workers, Scaling known) {
        EmbeddedDataset embedded = EmbeddedDataset.isEmbedded(input)
                ? EmbeddedDataset.byUri(input) : null;
        CsvLayout layout = embedded != null ? embedded.layout() : CsvLayout.from(config);
        JavaRDD<String> lines = embedded != null ? embeddedLines(embedded, workers)
                : fileLines(input, workers);
        String first = embedded != null ? embedded.lines().get(0) : firstLine(input);
        List<String> columns = layout.header() ? splitHeader(first)
                : DatasetSpec.numberedColumns(first.split(",", -1).length);
        int labelIndex = layout.labelIndex(columns, input);
        CsvRowParser parser = new CsvRowParser(columns, labelIndex, input);
        if (layout.isImage()
                && (long) layout.imageHeight() * layout.imageWidth() != parser.featureCount()) {
            throw new DataFormatException("Rows of " + input + " hold " + parser.featureCount()
                    + " values, not the " + layout.imageHeight() + "x" + layout.imageWidth()
                    + " of data.image.height and data.image.width.");
        }
        String headerLine = layout.header() ? first : null;
        String headerWithMark = "\uFEFF" + first;
        int limit = config.get(ConfigKeys.DATA_LIMIT);
        JavaRDD<CsvRowParser.Row> rows = lines
                .filter(line -> !line.isBlank() && !line.equals(headerLine)
                        && !(headerLine != null && line.equals(headerWithMark)))
                .zipWithIndex()
                .filter(pair -> limit == 0 || pair._2() < limit)
                .map(pair -> parser.parse(pair._1(), pair._2()));
        rows.persist(StorageLevel.MEMORY_AND_DISK_SER());
        spark.setJobDescription("load: column ranges of " + input);
        ColumnRanges ranges = rows.aggregate(new ColumnRanges(parser.featureCount()),
                ColumnRanges::add, ColumnRanges::merge);
        if (ranges.rows() == 0) {
            throw new DataFormatException(input + " holds no data rows.");
        }
        boolean image = layout.isImage();
        Scaling scaling = known != null ? requireWidth(known, parser.featureCount(), input)
                : image ? ranges.sharedScaling() : ranges.columnScaling();
        JavaRDD<ExampleBlock> blocks = rows
                .mapToPair(row -> new Tuple2<>(row.index(), row))
                .partitionBy(new ModuloPartitioner(workers))
                .mapPartitions(it -> toBlocks(it, scaling));
        List<String> featureColumns = parser.featureColumns();
        return new Sharded(blocks, classes -> new DatasetSpec(parser.featureCount(),
                image ? layout.imageHeight() : 0, image ? layout.imageWidth() : 0,
                labelIndex < 0 ? 0 : classes, featureColumns, scaling, input), rows);
    }

    private JavaRDD<String> fileLines(String input, int workers) {
        Path path = new Path(input);
        if (!HadoopFiles.exists(path, spark.hadoopConfiguration())) {
            throw new StorageException("The input " + input + " does not exist.");
        }
        return spark.textFile(input, workers);
    }

    private JavaRDD<String> embeddedLines(EmbeddedDataset dataset, int workers) {
        // Each task reads the resource from its own classpath and keeps a contiguous slice.
        List<Integer> slices = IntStream.range(0, workers).boxed().toList();
        return spark.parallelize(slices, workers).flatMap(slice -> {
            List<String> all = dataset.lines();
            return all.subList(rangeStart(slice, all.size(), workers),
                    rangeStart(slice + 1, all.size(), workers)).iterator();
        });
    }

    private String firstLine(String input) {
        Configuration hadoop = spark.hadoopConfiguration();
        Path path = new Path(input);
        try {
            Path file = HadoopFiles.fileSystem(path, hadoop).getFileStatus(path).isDirectory()
                    ? firstDataFile(path, hadoop) : path;
            requireGzipWhenNamedSo(file, hadoop);
            try (InputStream in = HadoopFiles.openMaybeGzipped(file, hadoop);
                 BufferedReader reader = new BufferedReader(
                         new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line = reader.readLine();
                if (line == null || line.isBlank()) {
                    throw new DataFormatException(input + " is empty.");
                }
                return CsvRowParser.withoutByteOrderMark(line);
            }
        } catch (IOException e) {
            throw new StorageException("Cannot read " + input + ": " + HadoopFiles.reason(e)
                    + ".", e);
        }
    }

    /** Spark decompresses by file name, so a .gz file must really be gzip. */
    private static void requireGzipWhenNamedSo(Path file, Configuration hadoop)
            throws IOException {
        if (!file.getName().endsWith(".gz")) {
            return;
        }
        try (InputStream in = HadoopFiles.fileSystem(file, hadoop).open(file)) {
            if (in.read() != 0x1f || in.read() != 0x8b) {
                throw new DataFormatException(file + " is named .gz but is not gzip data; "
                        + "rename it or compress it.");
            }
        }
    }

    private static Path firstDataFile(Path folder, Configuration hadoop) throws IOException {
        return java.util.Arrays.stream(HadoopFiles.fileSystem(folder, hadoop).listStatus(folder))
                .filter(s -> s.isFile() && !s.getPath().getName().startsWith("_")
                        && !s.getPath().getName().startsWith("."))
                .map(org.apache.hadoop.fs.FileStatus::getPath)
                .sorted()
                .findFirst()
                .orElseThrow(() -> new DataFormatException("The folder " + folder
                        + " holds no data files."));
    }

    private static List<String> splitHeader(String line) {
        List<String> names = new ArrayList<>();
        for (String cell : line.split(",", -1)) {
            names.add(cell.trim());
        }
        return names;
    }

    /** Orders a shard's rows by their position in the input and packs them into blocks. */
    private static Iterator<ExampleBlock> toBlocks(Iterator<Tuple2<Long, CsvRowParser.Row>> it,
                                                   Scaling scaling) {
        List<CsvRowParser.Row> rows = new ArrayList<>();
        it.forEachRemaining(pair -> rows.add(pair._2()));
        rows.sort(Comparator.comparingLong(CsvRowParser.Row::index));
        int width = scaling.width();
        boolean labelled = !rows.isEmpty() && rows.get(0).label() >= 0;
        List<ExampleBlock> blocks = new ArrayList<>();
        for (int start = 0; start < rows.size(); start += ROWS_PER_BLOCK) {
            int end = Math.min(rows.size(), start + ROWS_PER_BLOCK);
            float[] features = new float[(end - start) * width];
            int[] labels = labelled ? new int[end - start] : null;
            for (int r = start; r < end; r++) {
                double[] values = rows.get(r).values();
                for (int c = 0; c < width; c++) {
                    features[(r - start) * width + c] = scaling.toUnit(c, values[c]);
                }
                if (labelled) {
                    labels[r - start] = rows.get(r).label();
                }
            }
            blocks.add(new ExampleBlock(features, labels, width));
        }
        return blocks.isEmpty() ? Collections.emptyIterator() : blocks.iterator();
    }

    /** Sends row i to shard i mod n: balanced, deterministic shards. */
    private static final class ModuloPartitioner extends Partitioner {
        private static final long serialVersionUID = 1L;
        private final int partitions;

        ModuloPartitioner(int partitions) {
            if (partitions <= 0) {
                throw new ConfigException("The number of workers must be positive.");
            }
            this.partitions = partitions;
        }

        @Override
        public int numPartitions() {
            return partitions;
        }

        @Override
        public int getPartition(Object key) {
            return (int) Math.floorMod((Long) key, (long) partitions);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ModuloPartitioner m && m.partitions == partitions;
        }

        @Override
        public int hashCode() {
            return partitions;
        }
    }
}
