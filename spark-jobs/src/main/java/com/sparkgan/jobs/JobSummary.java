package com.sparkgan.jobs;

import com.sparkgan.io.Json;
import com.sparkgan.train.RoundMetrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one-line JSON summary every job prints on stdout at its end, for orchestrators. */
final class JobSummary {
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final long started = System.nanoTime();

    JobSummary(String job, String out) {
        fields.put("job", job);
        fields.put("status", "succeeded");
        fields.put("out", out);
    }

    JobSummary put(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    JobSummary training(List<RoundMetrics> rounds, int lastRound) {
        fields.put("rounds", lastRound);
        fields.put("rounds_trained", rounds.size());
        if (rounds.isEmpty()) {
            return this;
        }
        RoundMetrics last = rounds.get(rounds.size() - 1);
        double seconds = rounds.stream().mapToDouble(RoundMetrics::seconds).sum();
        long real = rounds.stream().mapToLong(RoundMetrics::realExamples).sum();
        fields.put("d_loss", last.discriminatorLoss());
        fields.put("g_loss", last.generatorLoss());
        fields.put("real_examples_per_s", seconds > 0 ? real / seconds : 0);
        return this;
    }

    /** Prints the summary of a job that failed and returns its exit status. */
    static int failed(String job, int exitStatus, String error) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("job", job);
        fields.put("status", exitStatus == ExitStatus.QUALITY_GATE ? "quality_gate_failed"
                : "failed");
        fields.put("exit_status", exitStatus);
        String firstLine = String.valueOf(error).split("\n", 2)[0];
        fields.put("error", firstLine.length() > 500 ? firstLine.substring(0, 500) : firstLine);
        System.out.println(Json.line(fields));
        System.out.flush();
        return exitStatus;
    }

    void print() {
        fields.put("seconds", (System.nanoTime() - started) / 1e9);
        System.out.println(Json.line(fields));
        System.out.flush();
    }
}
