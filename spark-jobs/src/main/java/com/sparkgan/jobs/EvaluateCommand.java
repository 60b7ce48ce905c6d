package com.sparkgan.jobs;

import com.sparkgan.config.JobConfig;
import com.sparkgan.evaluate.QualityGate;
import com.sparkgan.io.HadoopFiles;
import com.sparkgan.io.RunLayout;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code evaluate}: real vs synthetic images to quality metrics, a report and gates. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Measure the quality of synthetic images against real ones.")
final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    JobOptions options;

    @Mixin
    EvaluationOptions evaluation;

    @Option(names = "--real", paramLabel = "URI", required = true,
            description = "the real training data (labelled images)")
    String real;

    @Option(names = "--synthetic", paramLabel = "URI", required = true,
            description = "a run folder, its synthetic/ folder, or an IDX images file")
    String synthetic;

    @Override
    public Integer call() {
        Configuration hadoop = new Configuration();
        JobConfig config = options.load("");
        List<QualityGate> gates = EvaluationJob.gates(config, evaluation.failIf);
        String images = EvaluationJob.syntheticImages(synthetic, hadoop);
        String out = options.out != null ? options.out : runFolderOf(synthetic, hadoop);
        RunLayout layout = RunLayout.of(out);
        if (!options.overwrite && HadoopFiles.exists(layout.report(), hadoop)) {
            throw new com.sparkgan.io.StorageException(layout.report() + " already exists; "
                    + "pass --overwrite to replace it, or choose another --out.");
        }
        boolean existed = HadoopFiles.exists(layout.root(), hadoop);
        HadoopFiles.requireWritableFolder(layout.root(), hadoop);
        JobSummary summary = new JobSummary("evaluate", out);
        boolean finished = false;
        try (JavaSparkContext spark = SparkSessions.start("evaluate", options.master)) {
            Map<String, Object> metrics = EvaluationJob.run(spark, config,
                    new EvaluationJob.Inputs(real, evaluation.realTest, images,
                            evaluation.featureModel), layout, out, gates);
            summary.put("report", layout.report().toString()).put("metrics", metrics);
            finished = true;
        } finally {
            // Spark's own failures are checked exceptions, hence a flag rather than a catch.
            if (!finished && !existed) {
                // a run that failed before writing anything leaves no folder it made
                HadoopFiles.deleteIfEmpty(layout.root(), hadoop);
            }
        }
        summary.print();
        return ExitStatus.SUCCESS;
    }

    /** The run folder when --synthetic names one, else a new evaluation folder. */
    private String runFolderOf(String uri, Configuration hadoop) {
        Path given = HadoopFiles.path(uri);
        if (HadoopFiles.exists(new Path(given, "synthetic"), hadoop)) {
            return uri;
        }
        if (given.getName().equals("synthetic") && given.getParent() != null) {
            return given.getParent().toString();
        }
        return options.outOrDefault("evaluate");
    }
}
