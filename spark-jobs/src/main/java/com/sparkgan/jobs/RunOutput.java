package com.sparkgan.jobs;

import com.sparkgan.io.RunLayout;
import java.io.IOException;
import com.sparkgan.io.AtomicFolder;
import com.sparkgan.io.HadoopFiles;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Where a run writes: straight into its folder, or into a hidden folder beside it that one
 * rename publishes over the old run when the new one is complete (a replaced run, a
 * scheduled run). A run that fails before publishing leaves the old one untouched.
 */
final class RunOutput implements AutoCloseable {
    private final Path target;
    private final AtomicFolder staged;
    private final Configuration hadoop;
    /** A direct target that this run created: removed again when the run leaves nothing. */
    private final boolean created;
    private boolean published;

    private RunOutput(Path target, AtomicFolder staged, Configuration hadoop, boolean created) {
        this.target = target;
        this.staged = staged;
        this.hadoop = hadoop;
        this.created = created;
    }

    /** Writes straight into {@code target}. */
    static RunOutput direct(String target, Configuration hadoop) {
        Path path = HadoopFiles.path(target);
        boolean existed = HadoopFiles.exists(path, hadoop);
        HadoopFiles.requireWritableFolder(path, hadoop);
        return new RunOutput(path, null, hadoop, !existed);
    }

    /** Writes beside {@code target} and publishes over it. */
    static RunOutput staged(Path target, Configuration hadoop) {
        AtomicFolder folder = AtomicFolder.begin(target, hadoop);
        HadoopFiles.requireWritableFolder(folder.staging(), hadoop);
        return new RunOutput(target, folder, hadoop, false);
    }

    /** Staged when {@code replace} would overwrite something that is there, else direct. */
    static RunOutput replacing(String target, boolean replace, Configuration hadoop) {
        Path path = HadoopFiles.path(target);
        return replace && HadoopFiles.exists(path, hadoop) ? staged(path, hadoop)
                : direct(target, hadoop);
    }

    /** The folder the jobs write into now. */
    String writeTo() {
        return staged == null ? target.toString() : staged.staging().toString();
    }

    /** The folder readers will see. */
    String published() {
        return target.toString();
    }

    void publish() {
        published = true;
        if (staged != null) {
            staged.commit(true);
        }
    }

    /** Keeps a staged run that must not be published, for inspection. */
    void keepUnpublished() {
        if (staged != null) {
            staged.keepUnpublished();
        }
    }

    @Override
    public void close() {
        if (staged != null) {
            staged.close();
        } else if (created && !published) {
            removeIfNothingToResume();
        }
    }

    /**
     * A run that failed before its first round (bad input, a bad master) leaves no folder
     * behind; one that trained keeps its checkpoints and metrics for --resume.
     */
    private void removeIfNothingToResume() {
        RunLayout layout = new RunLayout(target);
        try {
            if (!HadoopFiles.exists(layout.checkpoints(), hadoop)
                    && !HadoopFiles.exists(layout.metrics(), hadoop)) {
                HadoopFiles.fileSystem(target, hadoop).delete(target, true);
            }
        } catch (IOException | RuntimeException e) {
            // Leaving an empty run folder is harmless; the failure itself is what to report.
        }
    }
}
