package com.sparkgan.bench;

import java.io.IOException;
import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The peak memory of this JVM so far: the heap (sum of the heap pools' peaks) and the peak
 * resident set of the process (Linux's VmHWM), whose excess over the heap is mostly ND4J's
 * off-heap buffers, thread stacks and JIT code.
 *
 * @param heapBytes peak heap use
 * @param residentBytes peak resident set, 0 where /proc is not available
 */
record MemoryPeaks(long heapBytes, long residentBytes) implements Serializable {

    static MemoryPeaks here() {
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                heap += pool.getPeakUsage().getUsed();
            }
        }
        return new MemoryPeaks(heap, residentPeak());
    }

    /** Starts measuring peaks afresh (the resident peak only where Linux allows it). */
    static void reset() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        try {
            // "5" resets the process's peak resident set size (VmHWM)
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | RuntimeException e) {
            // the resident peak then counts from the start of the process
        }
    }

    private static long residentPeak() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    /** Off the heap: the resident peak beyond the heap peak. */
    long offHeapBytes() {
        return Math.max(0, residentBytes - heapBytes);
    }

    static MemoryPeaks max(MemoryPeaks a, MemoryPeaks b) {
        return new MemoryPeaks(Math.max(a.heapBytes, b.heapBytes),
                Math.max(a.residentBytes, b.residentBytes));
    }

    String describe() {
        return String.format(java.util.Locale.ROOT, "heap %d MB, resident %d MB (off-heap and "
                + "native ~%d MB)", heapBytes >> 20, residentBytes >> 20, offHeapBytes() >> 20);
    }
}
