package com.sparkgan.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Extrapolates a measured round to many executors. Per round, every worker receives and
 * returns, as 4-byte floats: in the discriminator phase the discriminator's parameters and
 * Adam state (3 P_D each way) plus the generator's parameters for making fakes (P_G, down
 * only); in the generator phase the stack's parameters (P_G + P_D) and the generator's Adam
 * state (2 P_G), each way. That is {@code 4 W (7 P_G + 8 P_D)} bytes through the driver,
 * which sends the broadcasts and sums the results. A round's overhead has a part that does
 * not grow with the workers (driver work, broadcast creation, rebuilding the network in the
 * tasks, which run in parallel, and applying the average) and a part that does: job
 * scheduling, task launch and collecting and summing the workers' results, measured per
 * worker. Its compute is {@code k} local steps of the measured step time, the same at any
 * scale, because each worker has its own shard.
 *
 * @param generatorParams P_G
 * @param discriminatorParams P_D
 * @param constantMs measured overhead per round that does not grow with the workers
 * @param perWorkerMs measured overhead per round and worker
 * @param stepMs measured compute of one local step (a discriminator and a generator step)
 * @param bandwidthBytesPerSecond the driver's network bandwidth assumed
 */
record ScalingModel(long generatorParams, long discriminatorParams, double constantMs,
                    double perWorkerMs, double stepMs, double bandwidthBytesPerSecond) {

    static final List<Integer> EXECUTORS = List.of(8, 32, 128);

    double bytesPerRound(int workers) {
        return 4.0 * workers * (7.0 * generatorParams + 8.0 * discriminatorParams);
    }

    double fixedMs(int workers) {
        return constantMs + perWorkerMs * workers;
    }

    double communicationMs(int workers) {
        return 1000 * bytesPerRound(workers) / bandwidthBytesPerSecond;
    }

    /** Local steps per averaging that keep the overhead below {@code share} of a round. */
    int stepsForOverhead(int workers, double share) {
        double overhead = fixedMs(workers) + communicationMs(workers);
        return (int) Math.ceil(overhead * (1 - share) / share / stepMs);
    }

    Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("bandwidth_bytes_per_s", bandwidthBytesPerSecond);
        map.put("step_ms", stepMs);
        map.put("constant_ms_per_round", constantMs);
        map.put("ms_per_round_and_worker", perWorkerMs);
        for (int w : EXECUTORS) {
            Map<String, Object> at = new LinkedHashMap<>();
            at.put("bytes_per_round", bytesPerRound(w));
            at.put("fixed_ms", fixedMs(w));
            at.put("communication_ms", communicationMs(w));
            at.put("local_steps_for_10pct_overhead", stepsForOverhead(w, 0.10));
            map.put(w + "_executors", at);
        }
        return map;
    }

    String table() {
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "Scaling model (step "
                + "%.1f ms; overhead %.0f ms per round + %.0f ms per worker; driver bandwidth "
                + "%.2f GB/s):%n%n| executors | MB moved per round | fixed ms | transfer ms | "
                + "local steps for < 10%% overhead |%n| --- | --- | --- | --- | --- |%n", stepMs,
                constantMs, perWorkerMs, bandwidthBytesPerSecond / 1e9));
        for (int w : EXECUTORS) {
            t.append(String.format(Locale.ROOT, "| %d | %.1f | %.0f | %.0f | %d |%n", w,
                    bytesPerRound(w) / 1e6, fixedMs(w), communicationMs(w),
                    stepsForOverhead(w, 0.10)));
        }
        return t.toString();
    }
}
