package com.sparkgan.bench;

import com.sparkgan.nets.GanNetworks;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One mode's figures.
 *
 * @param label the mode, as the table names it
 * @param workers parallel workers
 * @param examplesPerSecond real examples trained per second of the timed rounds
 * @param secondsPerRound mean wall time of a timed round
 * @param breakdown milliseconds per round by {@link Breakdown#PARTS} (empty for the loop)
 * @param driver the driver JVM's memory peaks during the mode
 * @param executors the largest executor JVM's peaks, or null when executors run in the driver
 * @param networks the networks measured
 */
record Measurement(String label, int workers, double examplesPerSecond, double secondsPerRound,
                   Map<String, Double> breakdown, MemoryPeaks driver, MemoryPeaks executors,
                   GanNetworks networks) {

    Map<String, Object> asMap(double plainExamplesPerSecond, double gflops) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("mode", label);
        map.put("workers", workers);
        map.put("real_examples_per_s", examplesPerSecond);
        map.put("ratio_to_plain", examplesPerSecond / plainExamplesPerSecond);
        map.put("seconds_per_round", secondsPerRound);
        map.put("gflops", gflops);
        map.put("breakdown_ms_per_round", breakdown);
        map.put("driver_heap_peak_bytes", driver.heapBytes());
        map.put("driver_resident_peak_bytes", driver.residentBytes());
        if (executors != null) {
            map.put("executor_heap_peak_bytes", executors.heapBytes());
            map.put("executor_resident_peak_bytes", executors.residentBytes());
        }
        return map;
    }
}
