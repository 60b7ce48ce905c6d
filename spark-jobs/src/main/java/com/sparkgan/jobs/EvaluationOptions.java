package com.sparkgan.jobs;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options of the jobs that evaluate: {@code evaluate} and {@code pipeline}. */
final class EvaluationOptions {
    @Option(names = "--real-test", paramLabel = "URI",
            description = "real held-out data; default: every other real example")
    String realTest;

    @Option(names = "--feature-model", paramLabel = "URI",
            description = "feature classifier file: loaded when it exists, else trained and "
                    + "saved there")
    String featureModel;

    @Option(names = "--fail-if", paramLabel = "CONDITION",
            description = "quality gate such as \"fid > 40\"; exit 3 when it holds; repeatable")
    List<String> failIf = new ArrayList<>();
}
