package com.sparkgan.jobs;

import com.sparkgan.config.ConfigException;
import com.sparkgan.io.AtomicFolder;
import com.sparkgan.io.StorageException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * The stable folder of a scheduled run ({@code --run-id ID} or {@code --partition KEY=VALUE}
 * under {@code --out}), so that a scheduler can re-run a day: the run is built in a hidden
 * folder beside it and published by one rename, and a complete folder is skipped, replaced
 * or refused as {@code --if-exists} says.
 *
 * @param target the published folder
 * @param ifExists skip, replace or fail
 */
record StableRun(Path target, String ifExists) {
    private static final List<String> ACTIONS = List.of("skip", "replace", "fail");
    private static final String SAFE_NAME = "[A-Za-z0-9][A-Za-z0-9_.=-]*";

    /** The stable run the options describe, or null when they name none. */
    static StableRun of(String out, String runId, String partition, String ifExists) {
        if (runId == null && partition == null) {
            if (ifExists != null) {
                throw new ConfigException("--if-exists applies to --run-id and --partition "
                        + "runs; give one of them, or use --overwrite.");
            }
            return null;
        }
        ifExists = ifExists == null ? "skip" : ifExists;
        if (runId != null && partition != null) {
            throw new ConfigException("Give --run-id or --partition, not both.");
        }
        if (!ACTIONS.contains(ifExists)) {
            throw new ConfigException("--if-exists " + ifExists + " is not one of "
                    + String.join(", ", ACTIONS) + ".");
        }
        String name = runId != null ? runId : partition;
        if (!name.matches(SAFE_NAME) || (partition != null && !partition.matches(
                "[A-Za-z0-9_]+=[A-Za-z0-9_.-]+"))) {
            throw new ConfigException("'" + name + "' is not a valid " + (runId != null
                    ? "run id (letters, digits, _ . = -)" : "partition (KEY=VALUE)") + ".");
        }
        return new StableRun(new Path(out != null ? out : "runs", name), ifExists);
    }

    /** Whether a complete run is there and should be left alone. */
    boolean alreadyDone(Configuration hadoop) {
        if (!AtomicFolder.isComplete(target, hadoop)) {
            if (com.sparkgan.io.HadoopFiles.exists(target, hadoop)
                    && !ifExists.equals("replace")) {
                throw new StorageException(target + " exists but holds no complete run (no "
                        + "_SUCCESS); move it away or pass --if-exists replace.");
            }
            return false;
        }
        if (ifExists.equals("fail")) {
            throw new StorageException(target + " holds a complete run already; pass "
                    + "--if-exists replace or skip.");
        }
        return ifExists.equals("skip");
    }
}
