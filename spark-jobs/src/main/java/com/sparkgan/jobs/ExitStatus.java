package com.sparkgan.jobs;

import com.sparkgan.config.ConfigException;
import com.sparkgan.data.DataFormatException;
import com.sparkgan.io.StorageException;

/**
 * The documented exit statuses of every job, and which failures map to which.
 * <ul>
 *   <li>0: success</li>
 *   <li>1: any other failure (a bug, a lost cluster, training that diverged)</li>
 *   <li>2: bad input or configuration: unknown key, impossible value, missing or malformed
 *   input, unreachable or unwritable storage</li>
 *   <li>3: a quality gate failed</li>
 * </ul>
 */
public final class ExitStatus {
    public static final int SUCCESS = 0;
    public static final int FAILURE = 1;
    public static final int BAD_INPUT = 2;
    public static final int QUALITY_GATE = 3;

    private ExitStatus() {
    }

    /** A full disk or an exhausted quota, which Hadoop reports as FSError or IOException. */
    private static boolean isFullStorage(Throwable t) {
        String message = String.valueOf(t.getMessage());
        return t instanceof org.apache.hadoop.fs.FSError
                || t.getClass().getSimpleName().contains("QuotaExceeded")
                || message.contains("No space left on device")
                || message.contains("QuotaExceededException");
    }

    /** The user-caused failure inside {@code error}'s causes (Spark wraps task errors). */
    static RuntimeException userError(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConfigException || t instanceof DataFormatException
                    || t instanceof StorageException) {
                return (RuntimeException) t;
            }
            if (isFullStorage(t)) {
                return new StorageException("Cannot write the output: "
                        + com.sparkgan.io.HadoopFiles.reason(t) + ".", t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
