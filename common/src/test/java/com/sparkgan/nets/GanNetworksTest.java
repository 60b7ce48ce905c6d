package com.sparkgan.nets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

class GanNetworksTest {
    private static final DiscriminatorOptions OPTIONS = new DiscriminatorOptions(0.2, 0.0);
    private static final DiscriminatorOptions DROPOUT = new DiscriminatorOptions(0.2, 0.3);

    static List<GanArchitecture> architectures() {
        return List.of(new MlpArchitecture(16, 64, 0, List.of(32), List.of(32), OPTIONS),
                new MlpArchitecture(16, 64, 3, List.of(32), List.of(32), OPTIONS),
                new DcganArchitecture(16, 28, 28, 0, 8, 8, OPTIONS, false),
                new DcganArchitecture(16, 8, 8, 0, 4, 4, OPTIONS, false),
                new DcganArchitecture(16, 8, 8, 3, 4, 4, OPTIONS, false),
                new DcganArchitecture(16, 28, 28, 0, 8, 8, OPTIONS, true),
                new MlpArchitecture(16, 64, 3, List.of(32), List.of(32), DROPOUT),
                new DcganArchitecture(16, 8, 8, 3, 4, 4, DROPOUT, true));
    }

    static NetworkSettings settings(GanLoss loss) {
        return new NetworkSettings(new Adam(1e-3, 0.5, 0.999, 1e-8),
                new Adam(1e-3, 0.5, 0.999, 1e-8), loss, 0, 0.01);
    }

    private static GanNetworks networks(GanArchitecture architecture) {
        return GanNetworks.create(architecture, settings(GanLoss.STANDARD), 7L);
    }

    /** Labels 0, 1, 2, 0, ... for a conditional architecture, else null. */
    static int[] labels(GanArchitecture architecture, int rows) {
        if (!architecture.conditional()) {
            return null;
        }
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = i % architecture.classCount();
        }
        return labels;
    }

    private static INDArray[] inputs(GanArchitecture architecture, INDArray first) {
        return GanInputs.of(first, labels(architecture, (int) first.size(0)),
                architecture.classCount());
    }

    /** The parameters of the layers whose names start with {@code prefix}, in name order. */
    static float[] layerParams(ComputationGraph network, String prefix) {
        List<String> names = new ArrayList<>(GanNetworks.parameterLayers(network));
        names.removeIf(name -> !name.startsWith(prefix));
        names.sort(null);
        List<Float> values = new ArrayList<>();
        for (String name : names) {
            for (float v : network.getLayer(name).params().toFloatVector()) {
                values.add(v);
            }
        }
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("architectures")
    void networksHaveTheDeclaredShapes(GanArchitecture architecture) {
        GanNetworks nets = networks(architecture);
        INDArray noise = Nd4j.randn(DataType.FLOAT, 5, architecture.latentSize());
        INDArray fake = nets.generator().output(false, inputs(architecture, noise))[0];
        assertArrayEquals(new long[] {5, architecture.dataSize()}, fake.shape());
        assertArrayEquals(new long[] {5, 1},
                nets.discriminator().output(false, inputs(architecture, fake))[0].shape());
        assertArrayEquals(new long[] {5, 1},
                nets.adversarial().output(false, inputs(architecture, noise))[0].shape());
        assertTrue(fake.maxNumber().doubleValue() <= 1.0, "tanh output");
        assertEquals(architecture.latentSize(), GanNetworks.latentSizeOf(nets.generator(),
                architecture.classCount()));
        assertEquals(architecture.conditional(), GanNetworks.isConditional(nets.generator()));
    }

    @ParameterizedTest
    @MethodSource("architectures")
    void stackComputesTheDiscriminatorOfTheGenerator(GanArchitecture architecture) {
        GanNetworks nets = networks(architecture);
        INDArray noise = Nd4j.randn(DataType.FLOAT, 3, architecture.latentSize());
        INDArray fake = nets.generator().output(false, inputs(architecture, noise))[0];
        INDArray direct = nets.discriminator().output(false, inputs(architecture, fake))[0];
        INDArray stacked = nets.adversarial().output(false, inputs(architecture, noise))[0];
        assertArrayEquals(direct.toFloatVector(), stacked.toFloatVector(), 1e-5f);
    }

    @Test
    void theLabelChangesWhatAConditionalGeneratorMakes() {
        GanArchitecture architecture = architectures().get(4);
        GanNetworks nets = networks(architecture);
        INDArray noise = Nd4j.randn(DataType.FLOAT, 1, 16).repeat(0, 3);
        INDArray fakes = nets.generator().output(false,
                GanInputs.of(noise, new int[] {0, 1, 2}, 3))[0];
        assertNotEquals(0.0, fakes.getRow(0).sub(fakes.getRow(1)).norm2Number().doubleValue());
        assertNotEquals(0.0, fakes.getRow(1).sub(fakes.getRow(2)).norm2Number().doubleValue());
    }

    @ParameterizedTest
    @MethodSource("architectures")
    void theForwardCacheLeavesEveryUpdateBitIdentical(GanArchitecture architecture) {
        GanNetworks cached = networks(architecture);
        GanNetworks uncached = networks(architecture);
        for (ComputationGraph network : List.of(uncached.discriminator(),
                uncached.adversarial())) {
            network.setCacheMode(CacheMode.NONE);
        }
        Nd4j.getRandom().setSeed(11);
        for (int step = 0; step < 3; step++) {
            INDArray rows = Nd4j.rand(DataType.FLOAT, 8, architecture.dataSize()).subi(0.5);
            INDArray[] targets = {Nd4j.ones(DataType.FLOAT, 8, 1)};
            INDArray[] noise = inputs(architecture,
                    Nd4j.randn(DataType.FLOAT, 8, architecture.latentSize()));
            for (GanNetworks nets : List.of(cached, uncached)) {
                // dropout masks come from the global generator: both networks draw the same
                Nd4j.getRandom().setSeed(100 + step);
                nets.discriminator().fit(new MultiDataSet(inputs(architecture, rows), targets));
                nets.adversarial().fit(new MultiDataSet(noise, targets));
            }
        }
        assertArrayEquals(uncached.discriminator().params().toFloatVector(),
                cached.discriminator().params().toFloatVector(), 0f);
        assertArrayEquals(uncached.adversarial().params().toFloatVector(),
                cached.adversarial().params().toFloatVector(), 0f);
    }

    @ParameterizedTest
    @MethodSource("architectures")
    void generatorPhaseLeavesTheDiscriminatorBitIdentical(GanArchitecture architecture) {
        GanNetworks nets = networks(architecture);
        float[] discriminatorBefore = nets.discriminator().params().toFloatVector();
        float[] frozenBefore = layerParams(nets.adversarial(), "d-");
        float[] generatorBefore = nets.generator().params().toFloatVector();
        for (int step = 0; step < 3; step++) {
            nets.adversarial().fit(new MultiDataSet(inputs(architecture,
                    Nd4j.randn(DataType.FLOAT, 8, architecture.latentSize())),
                    new INDArray[] {Nd4j.ones(DataType.FLOAT, 8, 1)}));
        }
        nets.generatorFromAdversarial();
        assertArrayEquals(frozenBefore, layerParams(nets.adversarial(), "d-"), 0f);
        assertArrayEquals(discriminatorBefore, nets.discriminator().params().toFloatVector(),
                0f);
        assertFalse(Arrays.equals(generatorBefore, nets.generator().params().toFloatVector()));
        assertArrayEquals(layerParams(nets.adversarial(), "g-"),
                layerParams(nets.generator(), "g-"), 0f);
    }

    @ParameterizedTest
    @MethodSource("architectures")
    void discriminatorCopiedIntoTheStackMatchesTheStandaloneNetwork(
            GanArchitecture architecture) {
        GanNetworks nets = networks(architecture);
        INDArray real = Nd4j.rand(DataType.FLOAT, 6, architecture.dataSize()).muli(2).subi(1);
        nets.discriminator().fit(new MultiDataSet(inputs(architecture, real),
                new INDArray[] {Nd4j.ones(DataType.FLOAT, 6, 1)}));
        assertFalse(Arrays.equals(layerParams(nets.discriminator(), "d-"),
                layerParams(nets.adversarial(), "d-")));
        nets.discriminatorInAdversarial();
        assertArrayEquals(layerParams(nets.discriminator(), "d-"),
                layerParams(nets.adversarial(), "d-"), 0f);
    }

    @Test
    void theWassersteinCriticStaysInsideItsClipAndSurvivesJson() {
        GanArchitecture architecture = architectures().get(3);
        GanNetworks nets = GanNetworks.create(architecture, settings(GanLoss.WASSERSTEIN), 7L);
        INDArray rows = Nd4j.rand(DataType.FLOAT, 8, architecture.dataSize()).muli(2).subi(1);
        INDArray targets = Nd4j.ones(DataType.FLOAT, 8, 1).negi();
        for (int step = 0; step < 5; step++) {
            nets.discriminator().fit(new MultiDataSet(rows, targets));
        }
        assertEquals(0.01, nets.discriminator().params().amaxNumber().doubleValue(), 1e-7);
        String json = nets.discriminator().getConfiguration().toJson();
        assertEquals(nets.discriminator().getConfiguration(),
                ComputationGraphConfiguration.fromJson(json));
        // The stack's generator layers are not clipped: only the critic is.
        assertTrue(json.contains("WeightClip"));
        assertFalse(nets.adversarial().getConfiguration().toJson().contains("WeightClip"));
    }
}
