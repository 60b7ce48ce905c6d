package com.sparkgan.bench;

import com.sparkgan.train.ParameterAveragingGanTrainer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a SparkGAN round's wall time into parts, from dl4j-spark's own timings (summed over
 * both phases; task timings are summed over workers, so they are divided by the workers):
 * <ul>
 *   <li>driver work: the round's wall time outside dl4j-spark's fits (broadcasting the
 *   networks' states for the minibatch functions, copying parameters between the networks,
 *   reading the accumulators);</li>
 *   <li>broadcast: dl4j-spark creating the broadcast of the network and its optimiser
 *   state;</li>
 *   <li>scheduling and transfer: the time of dl4j-spark's aggregating Spark job (the action
 *   that runs the tasks) beyond a task's own time and its minibatch making: job and task
 *   launch, shipping the workers' parameters back and summing them;</li>
 *   <li>rebuild in tasks: a worker fetching that broadcast and building its network;</li>
 *   <li>minibatches in tasks: a partition making its minibatches (sampling real rows,
 *   rebuilding the generator and generating fakes, the discriminator probe, drawing noise),
 *   which happens in the task before dl4j-spark's worker starts its clocks, plus the worker
 *   pulling them;</li>
 *   <li>local training: a worker's fit calls;</li>
 *   <li>applying the average: dividing the sums and loading them into the driver's
 *   network;</li>
 *   <li>other: the rest of the wall time, unclocked.</li>
 * </ul>
 */
final class Breakdown {
    static final List<String> PARTS = List.of("wall", "driver work", "broadcast",
            "scheduling and transfer", "rebuild in tasks", "minibatches in tasks",
            "local training", "applying the average", "other");

    private Breakdown() {
    }

    static Map<String, Double> perRound(Map<String, Double> before, Map<String, Double> after,
                                        int rounds, int workers, double wallSeconds) {
        double fit = delta(before, after, "ParameterAveragingMasterFitTimesMs") / rounds;
        double broadcast = delta(before, after, "ParameterAveragingMasterBroadcastCreateTimesMs")
                / rounds;
        double job = delta(before, after, "ParameterAveragingMasterAggregateTimesMs") / rounds;
        double apply = delta(before, after,
                "ParameterAveragingMasterProcessParamsUpdaterTimesMs") / rounds;
        double perWorker = (double) rounds * workers;
        double rebuild = delta(before, after, "WorkerFlatMapGetInitialModelTimeMs") / perWorker;
        double building = delta(before, after,
                ParameterAveragingGanTrainer.MINIBATCH_BUILD_KEY) / perWorker;
        double minibatches = delta(before, after, "WorkerFlatMapDataSetGetTimesMs") / perWorker
                + building;
        double training = delta(before, after, "WorkerFlatMapProcessMiniBatchTimesMs")
                / perWorker;
        double task = delta(before, after, "WorkerFlatMapTotalTimeMs") / perWorker;
        Map<String, Double> parts = new LinkedHashMap<>();
        parts.put("wall", wallSeconds * 1000);
        parts.put("driver work", Math.max(0, wallSeconds * 1000 - fit));
        parts.put("broadcast", broadcast);
        parts.put("scheduling and transfer", Math.max(0, job - task - building));
        parts.put("rebuild in tasks", rebuild);
        parts.put("minibatches in tasks", minibatches);
        parts.put("local training", training);
        parts.put("applying the average", apply);
        double accounted = parts.values().stream().mapToDouble(Double::doubleValue).sum()
                - parts.get("wall");
        parts.put("other", Math.max(0, wallSeconds * 1000 - accounted));
        return parts;
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after,
                                String key) {
        return after.getOrDefault(key, 0.0) - before.getOrDefault(key, 0.0);
    }
}
