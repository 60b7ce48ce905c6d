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
        DiscriminatorOptions options = new DiscriminatorOptions(
                config.get(ConfigKeys.LEAKY_RELU_SLOPE),
                config.get(ConfigKeys.DISCRIMINATOR_DROPOUT));
        int classes = classCount(config, spec);
        if (config.get(ConfigKeys.ARCHITECTURE).equals("dcgan")) {
            if (!spec.isImage() || spec.imageHeight() % 4 != 0 || spec.imageWidth() % 4 != 0) {
                throw new ConfigException("model.architecture = dcgan needs images whose sides "
                        + "are multiples of 4, but " + spec.source() + (spec.isImage()
                        ? " holds " + spec.imageHeight() + "x" + spec.imageWidth() + " images"
                        : " is not image data (set data.image.height and data.image.width "
                        + "for CSV images)") + "; use model.architecture = mlp.");
            }
            return new DcganArchitecture(latent, spec.imageHeight(), spec.imageWidth(), classes,
                    config.get(ConfigKeys.DCGAN_GENERATOR_FILTERS),
                    config.get(ConfigKeys.DCGAN_DISCRIMINATOR_FILTERS), options,
                    config.get(ConfigKeys.DCGAN_UPSAMPLING).equals("resize"));
        }
        return new MlpArchitecture(latent, spec.featureCount(), classes,
                config.get(ConfigKeys.MLP_GENERATOR_LAYERS),
                config.get(ConfigKeys.MLP_DISCRIMINATOR_LAYERS), options);
    }

    /** The classes to condition on: the data's, when conditional; 0 otherwise. */
    private static int classCount(JobConfig config, DatasetSpec spec) {
        if (!config.get(ConfigKeys.CONDITIONAL)) {
            return 0;
        }
        if (spec.classCount() < 2) {
            throw new ConfigException(ConfigKeys.CONDITIONAL.name() + " = true needs labelled "
                    + "data with at least 2 classes, but " + spec.source() + (spec.classCount()
                    == 0 ? " has no labels (give IDX labels beside the images or data.labels, "
                    + "or data.csv.label-column for CSV)" : " has one class") + ".");
        }
        return spec.classCount();
    }

    /** The optimisers, objective and clipping of both networks. */
    public static NetworkSettings networkSettings(JobConfig config) {
        GanLoss loss = GanLoss.byName(config.get(ConfigKeys.LOSS));
        if (!loss.allowsLabelSmoothing() && config.get(ConfigKeys.REAL_LABEL) != 1.0) {
            throw new ConfigException(ConfigKeys.REAL_LABEL.name() + " = "
                    + config.get(ConfigKeys.REAL_LABEL) + " smooths labels, which "
                    + ConfigKeys.LOSS.name() + " = " + loss.configName() + " does not have; "
                    + "remove it or use the standard or lsgan loss.");
        }
        return new NetworkSettings(generatorUpdater(config), discriminatorUpdater(config), loss,
                config.get(ConfigKeys.GRADIENT_CLIP), config.get(ConfigKeys.WEIGHT_CLIP));
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
