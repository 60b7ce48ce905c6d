package com.sparkgan.nets;

import com.sparkgan.config.ConfigException;
import com.sparkgan.config.ConfigKeys;
import com.sparkgan.config.JobConfig;
import com.sparkgan.data.DatasetSpec;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;

/** Chooses and sizes the architecture the configuration names for the data at hand. */
public final class Architectures {
    private static final double ADAM_EPSILON = 1e-8;

    private Architectures() {
    }

    public static GanArchitecture from(JobConfig config, DatasetSpec spec) {
        int latent = config.get(ConfigKeys.LATENT_SIZE);
        double slope = config.get(ConfigKeys.LEAKY_RELU_SLOPE);
        if (config.get(ConfigKeys.ARCHITECTURE).equals("dcgan")) {
            if (!spec.isImage() || spec.imageHeight() % 4 != 0 || spec.imageWidth() % 4 != 0) {
                throw new ConfigException("model.architecture = dcgan needs images whose sides "
                        + "are multiples of 4, but " + spec.source() + (spec.isImage()
                        ? " holds " + spec.imageHeight() + "x" + spec.imageWidth() + " images"
                        : " is not image data (set data.image.height and data.image.width "
                        + "for CSV images)") + "; use model.architecture = mlp.");
            }
            return new DcganArchitecture(latent, spec.imageHeight(), spec.imageWidth(),
                    config.get(ConfigKeys.DCGAN_GENERATOR_FILTERS),
                    config.get(ConfigKeys.DCGAN_DISCRIMINATOR_FILTERS), slope);
        }
        return new MlpArchitecture(latent, spec.featureCount(),
                config.get(ConfigKeys.MLP_GENERATOR_LAYERS),
                config.get(ConfigKeys.MLP_DISCRIMINATOR_LAYERS), slope);
    }

    public static IUpdater generatorUpdater(JobConfig config) {
        return new Adam(config.get(ConfigKeys.GENERATOR_LEARNING_RATE),
                config.get(ConfigKeys.GENERATOR_BETA1), config.get(ConfigKeys.GENERATOR_BETA2),
                ADAM_EPSILON);
    }

    public static IUpdater discriminatorUpdater(JobConfig config) {
        return new Adam(config.get(ConfigKeys.DISCRIMINATOR_LEARNING_RATE),
                config.get(ConfigKeys.DISCRIMINATOR_BETA1),
                config.get(ConfigKeys.DISCRIMINATOR_BETA2), ADAM_EPSILON);
    }
}
