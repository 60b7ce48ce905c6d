package com.sparkgan.nets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

class GanNetworksTest {
    static List<GanArchitecture> architectures() {
        return List.of(new MlpArchitecture(16, 64, List.of(32), List.of(32), 0.2),
                new DcganArchitecture(16, 28, 28, 8, 8, 0.2),
                new DcganArchitecture(16, 8, 8, 4, 4, 0.2));
    }

    private static GanNetworks networks(GanArchitecture architecture) {
        return GanNetworks.create(architecture, new Adam(1e-3, 0.5, 0.999, 1e-8),
                new Adam(1e-3, 0.5, 0.999, 1e-8), 7L);
    }

    @ParameterizedTest
    @MethodSource("architectures")
    void networksHaveTheDeclaredShapes(GanArchitecture architecture) {
        GanNetworks nets = networks(architecture);
        INDArray noise = Nd4j.randn(DataType.FLOAT, 5, architecture.latentSize());
        INDArray fake = nets.generator().output(noise, false);
        assertEquals(5 * architecture.dataSize(), fake.length());
        INDArray flat = fake.reshape('c', 5, architecture.dataSize());
        assertArrayEquals(new long[] {5, 1}, nets.discriminator().output(flat, false).shape());
        assertArrayEquals(new long[] {5, 1}, nets.adversarial().output(noise, false).shape());
        assertEquals(fake.maxNumber().doubleValue() <= 1.0, true, "tanh output");
    }

    @ParameterizedTest
    @MethodSource("architectures")
    void stackComputesTheDiscriminatorOfTheGenerator(GanArchitecture architecture) {
        GanNetworks nets = networks(architecture);
        INDArray noise = Nd4j.randn(DataType.FLOAT, 3, architecture.latentSize());
        INDArray fake = nets.generator().output(noise, false)
                .reshape('c', 3, architecture.dataSize());
        INDArray direct = nets.discriminator().output(fake, false);
        INDArray stacked = nets.adversarial().output(noise, false);
        assertArrayEquals(direct.toFloatVector(), stacked.toFloatVector(), 1e-5f);
    }

    @ParameterizedTest
    @MethodSource("architectures")
    void generatorPhaseLeavesTheDiscriminatorBitIdentical(GanArchitecture architecture) {
        GanNetworks nets = networks(architecture);
        float[] discriminatorBefore = nets.discriminator().params().toFloatVector();
        float[] frozenBefore = nets.discriminatorView().toFloatVector();
        float[] generatorBefore = nets.generator().params().toFloatVector();
        MultiLayerNetwork stack = nets.adversarial();
        for (int step = 0; step < 3; step++) {
            stack.fit(new DataSet(Nd4j.randn(DataType.FLOAT, 8, architecture.latentSize()),
                    Nd4j.ones(DataType.FLOAT, 8, 1)));
        }
        nets.generatorFromAdversarial();
        assertArrayEquals(frozenBefore, nets.discriminatorView().toFloatVector(), 0f);
        assertArrayEquals(discriminatorBefore, nets.discriminator().params().toFloatVector(),
                0f);
        assertNotEquals(java.util.Arrays.hashCode(generatorBefore),
                java.util.Arrays.hashCode(nets.generator().params().toFloatVector()));
        assertArrayEquals(nets.generatorView().toFloatVector(),
                nets.generator().params().toFloatVector(), 0f);
    }

    @ParameterizedTest
    @MethodSource("architectures")
    void discriminatorCopiedIntoTheStackMatchesTheStandaloneNetwork(
            GanArchitecture architecture) {
        GanNetworks nets = networks(architecture);
        INDArray real = Nd4j.rand(DataType.FLOAT, 6, architecture.dataSize()).muli(2).subi(1);
        INDArray labels = Nd4j.ones(DataType.FLOAT, 6, 1);
        nets.discriminator().fit(new DataSet(real, labels));
        assertNotEquals(java.util.Arrays.hashCode(nets.discriminator().params().toFloatVector()),
                java.util.Arrays.hashCode(nets.discriminatorView().toFloatVector()));
        nets.discriminatorInAdversarial();
        assertArrayEquals(nets.discriminator().params().toFloatVector(),
                nets.discriminatorView().toFloatVector(), 0f);
    }
}
