package com.sparkgan.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sparkgan.jobs.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark's smoke run on real Fashion-MNIST images: every mode trains and reports. */
class BenchCommandTest {
    @Test
    @SuppressWarnings("unchecked")
    void theQuickBenchmarkMeasuresEveryLocalModeOfBothNetworks() throws Exception {
        Path images = Path.of(System.getProperty("sparkgan.shared"), "datasets",
                "fashion-mnist", "train-images-idx3-ubyte.gz");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        StringWriter errors = new StringWriter();
        int status;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            status = Main.run(new PrintWriter(errors, true), "bench", "--quick", "--input",
                    images.toString());
        } finally {
            System.setOut(original);
        }
        assertEquals(0, status, errors.toString());
        String[] lines = captured.toString(StandardCharsets.UTF_8).trim().split("\n");
        Map<String, Object> json = new ObjectMapper().readValue(lines[lines.length - 1],
                Map.class);
        Map<String, Object> bench = (Map<String, Object>) json.get("bench");
        for (String network : List.of("dcgan", "mlp")) {
            List<Map<String, Object>> modes = (List<Map<String, Object>>)
                    ((Map<String, Object>) bench.get(network)).get("modes");
            assertEquals(3, modes.size(), network);
            for (Map<String, Object> mode : modes) {
                assertTrue(((Number) mode.get("real_examples_per_s")).doubleValue() > 0,
                        mode.toString());
            }
            Map<String, Object> local2 = modes.get(2);
            Map<String, Object> parts = (Map<String, Object>) local2.get("breakdown_ms_per_round");
            assertTrue(((Number) parts.get("local training")).doubleValue() > 0, parts.toString());
        }
        assertTrue(((Number) ((Map<String, Object>) bench.get("machine")).get("peak_gflops"))
                .doubleValue() > 0);
    }
}
