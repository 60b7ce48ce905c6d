package com.sparkgan.jobs;

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

    private RunOutput(Path target, AtomicFolder staged) {
        this.target = target;
        this.staged = staged;
    }

    /** Writes straight into {@code target}. */
    static RunOutput direct(String target, Configuration hadoop) {
        Path path = HadoopFiles.path(target);
        HadoopFiles.requireWritableFolder(path, hadoop);
        return new RunOutput(path, null);
    }

    /** Writes beside {@code target} and publishes over it. */
    static RunOutput staged(Path target, Configuration hadoop) {
        AtomicFolder folder = AtomicFolder.begin(target, hadoop);
        HadoopFiles.requireWritableFolder(folder.staging(), hadoop);
        return new RunOutput(target, folder);
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
        }
    }
}
