package com.sparkgan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The machine's theoretical single-precision peak: cores x clock x operations per cycle and
 * core, with 2 fused multiply-add units of the widest vectors the CPU reports (AVX-512: 64,
 * AVX2 + FMA: 32, else 8). CPUs that split 512-bit operations in two reach half the AVX-512
 * figure; the estimate is an upper bound.
 */
final class Peak {
    private Peak() {
    }

    static double gflops() {
        return Runtime.getRuntime().availableProcessors() * ghz() * flopsPerCycle();
    }

    static Map<String, Object> describe() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("cpu", cpuinfo("model name"));
        machine.put("ghz", ghz());
        machine.put("flops_per_cycle_per_core", flopsPerCycle());
        machine.put("peak_gflops", gflops());
        machine.put("java", System.getProperty("java.version"));
        return machine;
    }

    private static double ghz() {
        String mhz = cpuinfo("cpu MHz");
        return mhz.isEmpty() ? 2.0 : Double.parseDouble(mhz) / 1000;
    }

    private static int flopsPerCycle() {
        String flags = " " + cpuinfo("flags") + " ";
        return flags.contains(" avx512f ") ? 64 : flags.contains(" fma ") ? 32 : 8;
    }

    private static String cpuinfo(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith(field)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            return "";
        }
        return "";
    }
}
