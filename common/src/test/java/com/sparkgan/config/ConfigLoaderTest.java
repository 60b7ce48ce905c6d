package com.sparkgan.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
    /** Every key and its default, pinned: a change here is a change users will notice. */
    private static final Map<String, Object> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("run.seed", 42L);
        DEFAULTS.put("data.format", "auto");
        DEFAULTS.put("data.labels", "");
        DEFAULTS.put("data.csv.header", false);
        DEFAULTS.put("data.csv.label-column", "");
        DEFAULTS.put("data.image.height", 0);
        DEFAULTS.put("data.image.width", 0);
        DEFAULTS.put("data.limit", 0);
        DEFAULTS.put("model.architecture", "mlp");
        DEFAULTS.put("model.latent-size", 32);
        DEFAULTS.put("model.noise", "gaussian");
        DEFAULTS.put("model.mlp.generator-layers", List.of(128, 256));
        DEFAULTS.put("model.mlp.discriminator-layers", List.of(256, 128));
        DEFAULTS.put("model.dcgan.generator-filters", 32);
        DEFAULTS.put("model.dcgan.discriminator-filters", 32);
        DEFAULTS.put("model.dcgan.upsampling", "transposed");
        DEFAULTS.put("model.leaky-relu-slope", 0.2);
        DEFAULTS.put("model.conditional", false);
        DEFAULTS.put("model.discriminator-dropout", 0.0);
        DEFAULTS.put("train.rounds", 600);
        DEFAULTS.put("train.workers", 0);
        DEFAULTS.put("train.batch-size-per-worker", 64);
        DEFAULTS.put("train.local-steps", 5);
        DEFAULTS.put("train.discriminator-steps", 1);
        DEFAULTS.put("train.real-label", 1.0);
        DEFAULTS.put("train.loss", "standard");
        DEFAULTS.put("train.wasserstein.clip", 0.01);
        DEFAULTS.put("train.gradient-clip", 0.0);
        DEFAULTS.put("train.instance-noise", 0.0);
        DEFAULTS.put("train.instance-noise-rounds", 0);
        DEFAULTS.put("train.generator-ema", 0.0);
        DEFAULTS.put("train.generator.learning-rate", 2e-4);
        DEFAULTS.put("train.generator.beta1", 0.5);
        DEFAULTS.put("train.generator.beta2", 0.999);
        DEFAULTS.put("train.discriminator.learning-rate", 2e-4);
        DEFAULTS.put("train.discriminator.beta1", 0.5);
        DEFAULTS.put("train.discriminator.beta2", 0.999);
        DEFAULTS.put("train.checkpoint-every", 50);
        DEFAULTS.put("train.sample-every", 25);
        DEFAULTS.put("train.sample-grid", 8);
        DEFAULTS.put("guard.action", "warn");
        DEFAULTS.put("guard.learning-rate-factor", 0.5);
        DEFAULTS.put("guard.max-rollbacks", 3);
        DEFAULTS.put("guard.patience", 20);
        DEFAULTS.put("guard.d-loss-floor", 0.01);
        DEFAULTS.put("guard.gradient-floor", 1e-5);
        DEFAULTS.put("guard.diversity-floor", 0.2);
        DEFAULTS.put("generate.count", 1000);
        DEFAULTS.put("generate.per-class", 0);
        DEFAULTS.put("generate.class-weights", List.of());
        DEFAULTS.put("generate.partitions", 0);
        DEFAULTS.put("generate.format", "auto");
        DEFAULTS.put("generate.compress", true);
        DEFAULTS.put("evaluate.samples", 2000);
        DEFAULTS.put("evaluate.memorisation-reference", 10_000);
        DEFAULTS.put("evaluate.classifier-steps", 1000);
        DEFAULTS.put("evaluate.gates", List.of());
    }

    @Test
    void everyKeyAndDefaultIsPinned() {
        assertEquals(DEFAULTS, JobConfig.defaults().asMap());
    }

    @Test
    void everyKeyIsDocumented() {
        for (ConfigKey<?> key : ConfigKeys.ALL) {
            assertTrue(key.description().length() > 15, key.name());
        }
    }

    @Test
    void fileValuesAndOverridesApplyInOrder() {
        JobConfig config = ConfigLoader.load("train { rounds = 7, batch-size-per-worker = 16 }\n"
                        + "model.mlp.generator-layers = [8, 9]", "test.conf",
                List.of("train.rounds=9", "model.noise = uniform",
                        "model.mlp.discriminator-layers=[3,4]"));
        assertEquals(9, config.get(ConfigKeys.ROUNDS));
        assertEquals(16, config.get(ConfigKeys.BATCH_SIZE));
        assertEquals("uniform", config.get(ConfigKeys.NOISE));
        assertEquals(List.of(8, 9), config.get(ConfigKeys.MLP_GENERATOR_LAYERS));
        assertEquals(List.of(3, 4), config.get(ConfigKeys.MLP_DISCRIMINATOR_LAYERS));
    }

    @Test
    void unknownKeyNamesTheNearestKnownKey() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load("train.round = 3", "my.conf", List.of()));
        assertEquals("Unknown configuration key 'train.round' in my.conf; did you mean "
                + "'train.rounds'?", e.getMessage());
        ConfigException set = assertThrows(ConfigException.class,
                () -> ConfigLoader.load("", "x", List.of("model.latent=4")));
        assertTrue(set.getMessage().contains("did you mean 'model.latent-size'"),
                set.getMessage());
    }

    @Test
    void impossibleValuesAreRejectedWithTheRule() {
        ConfigException negative = assertThrows(ConfigException.class,
                () -> ConfigLoader.load("train.rounds = -1", "x", List.of()));
        assertEquals("train.rounds = -1 is invalid: it must be between 1 and 10000000.",
                negative.getMessage());
        ConfigException word = assertThrows(ConfigException.class,
                () -> ConfigLoader.load("", "x", List.of("train.batch-size-per-worker=many")));
        assertTrue(word.getMessage().startsWith("train.batch-size-per-worker = many is not an "
                + "integer"), word.getMessage());
        ConfigException choice = assertThrows(ConfigException.class,
                () -> ConfigLoader.load("model.architecture = resnet", "x", List.of()));
        assertTrue(choice.getMessage().contains("one of mlp, dcgan"), choice.getMessage());
        assertThrows(ConfigException.class,
                () -> ConfigLoader.load("run.seed = 0", "x", List.of()));
        assertThrows(ConfigException.class,
                () -> ConfigLoader.load("", "x", List.of("no-equals-sign")));
    }

    @Test
    void brokenSyntaxIsOneSentence() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load("train { rounds = ", "bad.conf", List.of()));
        assertTrue(e.getMessage().startsWith("Cannot read the configuration bad.conf"),
                e.getMessage());
    }

    @Test
    void renderedConfigurationLoadsBackUnchanged() {
        JobConfig config = ConfigLoader.load("", "x", List.of("train.rounds=3",
                "model.mlp.generator-layers=[5,6]", "data.csv.label-column=class"));
        JobConfig again = ConfigLoader.load(config.render(), "rendered", List.of());
        assertEquals(config.asMap(), again.asMap());
    }
}
