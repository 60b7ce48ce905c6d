package com.sparkgan.config;

import static com.sparkgan.config.ConfigKey.bool;
import static com.sparkgan.config.ConfigKey.choice;
import static com.sparkgan.config.ConfigKey.decimal;
import static com.sparkgan.config.ConfigKey.decimals;
import static com.sparkgan.config.ConfigKey.integer;
import static com.sparkgan.config.ConfigKey.integers;
import static com.sparkgan.config.ConfigKey.longValue;
import static com.sparkgan.config.ConfigKey.text;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every configuration key of SparkGAN, each declared once with its meaning, default and rule.
 * The README's key table and the defaults test are both derived from this list.
 */
public final class ConfigKeys {
    // ---- the run
    public static final ConfigKey<Long> SEED = longValue("run.seed", 42L,
            value -> value == 0 ? "0 means 'unseeded' to DL4J; use any other integer" : null,
            "seed of every random draw: weights, shards, minibatches, noise");

    // ---- the real data
    public static final ConfigKey<String> DATA_FORMAT = choice("data.format", "auto",
            List.of("auto", "idx", "csv"),
            "input format; auto decides from the file name (*idx3-ubyte* is IDX, else CSV)");
    public static final ConfigKey<String> DATA_LABELS = text("data.labels", "",
            "URI of an IDX labels file; empty looks for the labels file beside the images");
    public static final ConfigKey<Boolean> CSV_HEADER = bool("data.csv.header", false,
            "whether the first CSV line holds column names");
    public static final ConfigKey<String> CSV_LABEL_COLUMN = text("data.csv.label-column", "",
            "the CSV column holding the class label: a name, a 0-based index or 'last'; "
                    + "empty means no label");
    public static final ConfigKey<Integer> IMAGE_HEIGHT = integer("data.image.height", 0, 0,
            4096, "image height of CSV rows that are images (0: rows are not images)");
    public static final ConfigKey<Integer> IMAGE_WIDTH = integer("data.image.width", 0, 0,
            4096, "image width of CSV rows that are images (0: rows are not images)");
    public static final ConfigKey<Integer> DATA_LIMIT = integer("data.limit", 0, 0,
            Integer.MAX_VALUE, "use only the first N examples (0: all)");

    // ---- the networks
    public static final ConfigKey<String> ARCHITECTURE = choice("model.architecture", "mlp",
            List.of("mlp", "dcgan"),
            "network family: mlp for any flat input, dcgan for single-channel images "
                    + "whose sides are multiples of 4 (28x28, 8x8)");
    public static final ConfigKey<Integer> LATENT_SIZE = integer("model.latent-size", 32, 1,
            4096, "length of the generator's noise vector");
    public static final ConfigKey<String> NOISE = choice("model.noise", "gaussian",
            List.of("gaussian", "uniform"),
            "noise distribution: standard normal, or uniform on [-1, 1]");
    public static final ConfigKey<List<Integer>> MLP_GENERATOR_LAYERS = integers(
            "model.mlp.generator-layers", List.of(128, 256), 1, 65536,
            "hidden layer widths of the MLP generator, from noise to data");
    public static final ConfigKey<List<Integer>> MLP_DISCRIMINATOR_LAYERS = integers(
            "model.mlp.discriminator-layers", List.of(256, 128), 1, 65536,
            "hidden layer widths of the MLP discriminator, from data to score");
    public static final ConfigKey<Integer> DCGAN_GENERATOR_FILTERS = integer(
            "model.dcgan.generator-filters", 32, 1, 1024,
            "channels of the generator's 14x14 stage (its 7x7 stage has twice as many)");
    public static final ConfigKey<Integer> DCGAN_DISCRIMINATOR_FILTERS = integer(
            "model.dcgan.discriminator-filters", 32, 1, 1024,
            "channels of the discriminator's first convolution (its second has twice as many)");
    public static final ConfigKey<String> DCGAN_UPSAMPLING = choice("model.dcgan.upsampling",
            "transposed", List.of("transposed", "resize"),
            "how the DCGAN generator doubles the image: stride-2 transposed convolutions, or "
                    + "pixel repetition and a 3x3 convolution (no checkerboard)");
    public static final ConfigKey<Double> LEAKY_RELU_SLOPE = decimal("model.leaky-relu-slope",
            0.2, 0.0, 1.0, "negative slope of the discriminator's LeakyReLU activations");
    public static final ConfigKey<Boolean> CONDITIONAL = bool("model.conditional", false,
            "condition both networks on the class label (labelled data only); generate then "
                    + "takes a count per class or class weights");
    public static final ConfigKey<Double> DISCRIMINATOR_DROPOUT = decimal(
            "model.discriminator-dropout", 0.0, 0.0, 0.9,
            "probability of dropping each hidden activation of the discriminator in training");

    // ---- training
    public static final ConfigKey<Integer> ROUNDS = integer("train.rounds", 600, 1, 10_000_000,
            "training rounds; a round is one discriminator phase and one generator phase");
    public static final ConfigKey<Integer> WORKERS = integer("train.workers", 0, 0, 100_000,
            "data shards and parallel workers (0: Spark's default parallelism, one per core)");
    public static final ConfigKey<Integer> BATCH_SIZE = integer("train.batch-size-per-worker",
            64, 1, 1_000_000, "real examples in each worker's minibatch");
    public static final ConfigKey<Integer> LOCAL_STEPS = integer("train.local-steps", 5, 1,
            100_000, "generator steps each worker takes between two parameter averagings");
    public static final ConfigKey<Integer> DISCRIMINATOR_STEPS = integer(
            "train.discriminator-steps", 1, 1, 1000,
            "discriminator steps per generator step");
    public static final ConfigKey<Double> REAL_LABEL = decimal("train.real-label", 1.0, 0.5,
            1.0, "target of real examples for the discriminator; 0.9 is one-sided smoothing "
                    + "(standard and lsgan losses)");
    public static final ConfigKey<String> LOSS = choice("train.loss", "standard",
            List.of("standard", "lsgan", "wasserstein", "hinge"),
            "adversarial objective: standard (non-saturating cross-entropy), lsgan (least "
                    + "squares), wasserstein (weight-clipped critic), hinge");
    public static final ConfigKey<Double> WEIGHT_CLIP = decimal("train.wasserstein.clip", 0.01,
            1e-6, 10.0, "bound of the critic's weights under train.loss = wasserstein");
    public static final ConfigKey<Double> GRADIENT_CLIP = decimal("train.gradient-clip", 0.0,
            0.0, 1e6, "L2 norm each layer's gradient is clipped to, in both networks (0: off)");
    public static final ConfigKey<Double> INSTANCE_NOISE = decimal("train.instance-noise", 0.0,
            0.0, 10.0, "standard deviation at round 1 of Gaussian noise added to every input "
                    + "of the discriminator (data are scaled to [-1, 1]; 0: off)");
    public static final ConfigKey<Integer> INSTANCE_NOISE_ROUNDS = integer(
            "train.instance-noise-rounds", 0, 0, 10_000_000,
            "rounds over which the instance noise falls linearly to 0 (0: train.rounds)");
    public static final ConfigKey<Double> GENERATOR_EMA = decimal("train.generator-ema", 0.0,
            0.0, 0.99999, "per-round decay of a moving average of the generator's weights, "
                    + "used for samples, generation and evaluation (0: off)");
    public static final ConfigKey<Double> GENERATOR_LEARNING_RATE = decimal(
            "train.generator.learning-rate", 2e-4, 1e-9, 10.0, "Adam step size of the generator");
    public static final ConfigKey<Double> GENERATOR_BETA1 = decimal("train.generator.beta1",
            0.5, 0.0, 0.999999, "Adam first-moment decay of the generator");
    public static final ConfigKey<Double> GENERATOR_BETA2 = decimal("train.generator.beta2",
            0.999, 0.0, 0.999999, "Adam second-moment decay of the generator");
    public static final ConfigKey<Double> DISCRIMINATOR_LEARNING_RATE = decimal(
            "train.discriminator.learning-rate", 2e-4, 1e-9, 10.0,
            "Adam step size of the discriminator");
    public static final ConfigKey<Double> DISCRIMINATOR_BETA1 = decimal(
            "train.discriminator.beta1", 0.5, 0.0, 0.999999,
            "Adam first-moment decay of the discriminator");
    public static final ConfigKey<Double> DISCRIMINATOR_BETA2 = decimal(
            "train.discriminator.beta2", 0.999, 0.0, 0.999999,
            "Adam second-moment decay of the discriminator");
    public static final ConfigKey<Integer> CHECKPOINT_EVERY = integer("train.checkpoint-every",
            50, 1, 10_000_000, "rounds between two checkpoints (the last round always has one)");
    public static final ConfigKey<Integer> SAMPLE_EVERY = integer("train.sample-every", 25, 1,
            10_000_000, "rounds between two sample grids (the last round always has one)");
    public static final ConfigKey<Integer> SAMPLE_GRID_SIZE = integer("train.sample-grid", 8, 1,
            32, "sample grids hold N x N generated examples (conditional models: N columns and "
                    + "a row per class, up to 32)");

    // ---- guards against failed training
    public static final ConfigKey<String> GUARD_ACTION = choice("guard.action", "warn",
            List.of("warn", "rollback"),
            "what a guard does when it fires: warn (and stop on non-finite values), or roll "
                    + "back to the last good checkpoint with lower learning rates");
    public static final ConfigKey<Double> GUARD_LEARNING_RATE_FACTOR = decimal(
            "guard.learning-rate-factor", 0.5, 1e-9, 1.0,
            "factor applied to both learning rates at each rollback");
    public static final ConfigKey<Integer> GUARD_MAX_ROLLBACKS = integer("guard.max-rollbacks",
            3, 0, 1000, "rollbacks allowed in one run before it fails");
    public static final ConfigKey<Integer> GUARD_PATIENCE = integer("guard.patience", 20, 1,
            10_000_000, "consecutive rounds a collapse signal must hold before its guard fires");
    public static final ConfigKey<Double> GUARD_D_LOSS_FLOOR = decimal("guard.d-loss-floor",
            0.01, 0.0, 100.0, "discriminator loss below which it has won (discriminator "
                    + "collapse; not checked under the wasserstein loss)");
    public static final ConfigKey<Double> GUARD_GRADIENT_FLOOR = decimal(
            "guard.gradient-floor", 1e-5, 0.0, 1e6,
            "L2 norm of the generator's gradient below which it has vanished");
    public static final ConfigKey<Double> GUARD_DIVERSITY_FLOOR = decimal(
            "guard.diversity-floor", 0.2, 0.0, 1.0, "generator collapse: fakes' mean pairwise "
                    + "distance below this fraction of the real examples'");

    // ---- generation
    public static final ConfigKey<Integer> GENERATE_COUNT = integer("generate.count", 1000, 1,
            Integer.MAX_VALUE, "number of synthetic examples to generate");
    public static final ConfigKey<Integer> GENERATE_PER_CLASS = integer("generate.per-class",
            0, 0, Integer.MAX_VALUE, "conditional models: examples of each class, replacing "
                    + "generate.count (0: generate.count split by generate.class-weights)");
    public static final ConfigKey<List<Double>> GENERATE_CLASS_WEIGHTS = decimals(
            "generate.class-weights", List.of(), "conditional models: relative shares of the "
                    + "classes in generate.count, one per class (empty: equal shares)");
    public static final ConfigKey<Integer> GENERATE_PARTITIONS = integer("generate.partitions",
            0, 0, 100_000, "parallel generation tasks (0: Spark's default parallelism)");
    public static final ConfigKey<String> GENERATE_FORMAT = choice("generate.format", "auto",
            List.of("auto", "idx", "csv"), "output format; auto writes IDX for images, else CSV");
    public static final ConfigKey<Boolean> GENERATE_COMPRESS = bool("generate.compress", true,
            "gzip the synthetic IDX files");

    // ---- evaluation
    public static final ConfigKey<Integer> EVALUATE_SAMPLES = integer("evaluate.samples", 2000,
            10, 100_000, "samples of each set for precision, recall and the held-out distances");
    public static final ConfigKey<Integer> EVALUATE_MEMORISATION_REFERENCE = integer(
            "evaluate.memorisation-reference", 10_000, 10, 1_000_000,
            "real training samples searched for near copies of synthetic samples");
    public static final ConfigKey<Integer> EVALUATE_CLASSIFIER_STEPS = integer(
            "evaluate.classifier-steps", 1000, 1, 10_000_000,
            "minibatch steps per worker of the feature classifier (whole epochs, at least one)");
    public static final ConfigKey<List<String>> EVALUATE_GATES = ConfigKey.texts(
            "evaluate.gates", List.of(),
            "quality gates such as \"fid > 40\"; a gate that holds fails the job (exit 3)");

    /** Every key, in the order they are documented. */
    public static final List<ConfigKey<?>> ALL = List.of(SEED,
            DATA_FORMAT, DATA_LABELS, CSV_HEADER, CSV_LABEL_COLUMN, IMAGE_HEIGHT, IMAGE_WIDTH,
            DATA_LIMIT,
            ARCHITECTURE, LATENT_SIZE, NOISE, MLP_GENERATOR_LAYERS, MLP_DISCRIMINATOR_LAYERS,
            DCGAN_GENERATOR_FILTERS, DCGAN_DISCRIMINATOR_FILTERS, DCGAN_UPSAMPLING,
            LEAKY_RELU_SLOPE,
            CONDITIONAL, DISCRIMINATOR_DROPOUT,
            ROUNDS, WORKERS, BATCH_SIZE, LOCAL_STEPS, DISCRIMINATOR_STEPS, REAL_LABEL,
            LOSS, WEIGHT_CLIP, GRADIENT_CLIP, INSTANCE_NOISE, INSTANCE_NOISE_ROUNDS,
            GENERATOR_EMA,
            GENERATOR_LEARNING_RATE, GENERATOR_BETA1, GENERATOR_BETA2,
            DISCRIMINATOR_LEARNING_RATE, DISCRIMINATOR_BETA1, DISCRIMINATOR_BETA2,
            CHECKPOINT_EVERY, SAMPLE_EVERY, SAMPLE_GRID_SIZE,
            GUARD_ACTION, GUARD_LEARNING_RATE_FACTOR, GUARD_MAX_ROLLBACKS, GUARD_PATIENCE,
            GUARD_D_LOSS_FLOOR, GUARD_GRADIENT_FLOOR, GUARD_DIVERSITY_FLOOR,
            GENERATE_COUNT, GENERATE_PER_CLASS, GENERATE_CLASS_WEIGHTS, GENERATE_PARTITIONS,
            GENERATE_FORMAT, GENERATE_COMPRESS,
            EVALUATE_SAMPLES, EVALUATE_MEMORISATION_REFERENCE, EVALUATE_CLASSIFIER_STEPS,
            EVALUATE_GATES);

    private static final Map<String, ConfigKey<?>> BY_NAME = index();

    private ConfigKeys() {
    }

    /** The README's table of keys: name, default and meaning, one row per key. */
    public static String markdownTable() {
        StringBuilder table = new StringBuilder("| key | default | meaning |\n"
                + "| --- | --- | --- |\n");
        for (ConfigKey<?> key : ALL) {
            Object value = key.defaultValue();
            String shown = value instanceof String s && s.isEmpty() ? "(empty)"
                    : String.valueOf(value);
            table.append("| `").append(key.name()).append("` | `").append(shown)
                    .append("` | ").append(key.description()).append(" |\n");
        }
        return table.toString();
    }

    public static ConfigKey<?> byName(String name) {
        return BY_NAME.get(name);
    }

    private static Map<String, ConfigKey<?>> index() {
        Map<String, ConfigKey<?>> byName = new LinkedHashMap<>();
        for (ConfigKey<?> key : ALL) {
            if (byName.put(key.name(), key) != null) {
                throw new IllegalStateException("configuration key declared twice: "
                        + key.name());
            }
        }
        return byName;
    }
}
