package com.sparkgan.io;

import java.util.UUID;
import java.util.function.Supplier;
import org.apache.spark.JobExecutionStatus;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.api.java.JavaSparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a Spark action whose tasks write files into a staging folder, and when it fails,
 * returns only after the job's other tasks have stopped.
 *
 * <p>Spark reports a job as failed as soon as one task has failed for good, while tasks of the
 * same stage may still be running (and writing). Cancelling the job group and waiting for
 * its active tasks lets them stop first. Spark's status tracker is fed asynchronously and can
 * miss a task that is still running, so this is a courtesy, not the guarantee: writers
 * create files without creating folders, and {@link AtomicFolder} moves a failed staging
 * folder away before deleting it, so a late task cannot bring it back.
 */
public final class FileWritingJob {
    private static final Logger LOG = LoggerFactory.getLogger(FileWritingJob.class);
    private static final long DRAIN_TIMEOUT_MS = 120_000;
    private static final long POLL_MS = 50;

    private FileWritingJob() {
    }

    /** Runs {@code action} (one or more Spark jobs) under its own job group. */
    public static <T> T run(JavaSparkContext spark, String description, Supplier<T> action) {
        String group = "write-" + UUID.randomUUID();
        spark.setJobGroup(group, description, true);
        try {
            return action.get();
        } catch (RuntimeException failure) {
            spark.cancelJobGroup(group);
            drain(spark, group);
            throw failure;
        } finally {
            spark.clearJobGroup();
        }
    }

    /**
     * Waits until Spark's status tracker has seen every job of {@code group} end and none of
     * their stages has a running task left. The tracker is fed asynchronously, so a job still
     * shown as running means its task events may not have arrived yet.
     */
    private static void drain(JavaSparkContext spark, String group) {
        long deadline = System.currentTimeMillis() + DRAIN_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (!anyTaskMayRun(spark, group)) {
                return;
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LOG.warn("Tasks of a failed write were still running after {} s; they cannot write "
                + "into the output, whose staging folder is moved aside and deleted.",
                DRAIN_TIMEOUT_MS / 1000);
    }

    private static boolean anyTaskMayRun(JavaSparkContext spark, String group) {
        for (int jobId : spark.statusTracker().getJobIdsForGroup(group)) {
            SparkJobInfo job = spark.statusTracker().getJobInfo(jobId);
            if (job == null) {
                continue;
            }
            if (job.status() == JobExecutionStatus.RUNNING) {
                return true;
            }
            for (int stageId : job.stageIds()) {
                SparkStageInfo stage = spark.statusTracker().getStageInfo(stageId);
                if (stage != null && stage.numActiveTasks() > 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
