package com.sparkgan.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A folder that appears whole or not at all: everything is written into a hidden staging
 * folder beside the target, which one rename turns into the target once complete, with a
 * {@code _SUCCESS} marker inside. Readers therefore never see a half-written folder.
 */
public final class AtomicFolder implements AutoCloseable {
    public static final String SUCCESS_MARKER = "_SUCCESS";

    private final Path target;
    private final Path staging;
    private final FileSystem fileSystem;
    private boolean committed;

    private AtomicFolder(Path target, Path staging, FileSystem fileSystem) {
        this.target = target;
        this.staging = staging;
        this.fileSystem = fileSystem;
    }

    /**
     * Starts writing {@code target} in {@code .NAME.in-progress} beside it; a folder of that
     * name left by a crashed writer is cleared first. One writer per target at a time.
     */
    public static AtomicFolder begin(Path target, Configuration conf) {
        return begin(target, conf, "." + target.getName() + ".in-progress");
    }

    /**
     * Starts writing {@code target} in a staging folder of a fixed name beside it, which a
     * crashed earlier attempt may have left behind: that one is deleted first.
     */
    public static AtomicFolder begin(Path target, Configuration conf, String stagingName) {
        FileSystem fs = HadoopFiles.fileSystem(target, conf);
        Path staging = new Path(target.getParent(), stagingName);
        try {
            if (fs.exists(staging)) {
                fs.delete(staging, true);
            }
            if (!fs.mkdirs(staging)) {
                throw new StorageException("Cannot create " + staging + ".");
            }
        } catch (IOException e) {
            throw new StorageException("Cannot write under " + target.getParent() + ": "
                    + HadoopFiles.reason(e) + ".", e);
        }
        return new AtomicFolder(target, staging, fs);
    }

    /** Where to write the folder's content until {@link #commit}. */
    public Path staging() {
        return staging;
    }

    public Path target() {
        return target;
    }

    /**
     * Publishes the staging folder as the target. An existing target is replaced only when
     * {@code replace} is set; it is moved aside first and deleted after the swap.
     */
    public void commit(boolean replace) {
        try {
            fileSystem.create(new Path(staging, SUCCESS_MARKER), true).close();
            Path old = null;
            if (fileSystem.exists(target)) {
                if (!replace) {
                    throw new StorageException(target + " already exists; pass --overwrite to "
                            + "replace it.");
                }
                old = new Path(target.getParent(), "." + target.getName() + ".replaced-"
                        + UUID.randomUUID());
                rename(target, old);
            }
            try {
                rename(staging, target);
            } catch (StorageException e) {
                if (old != null) {
                    // put the previous folder back where readers look for it
                    move(old, target);
                }
                throw e;
            }
            committed = true;
            if (old != null) {
                fileSystem.delete(old, true);
            }
        } catch (IOException e) {
            throw new StorageException("Cannot publish " + target + ": "
                    + HadoopFiles.reason(e) + ".",
                    e);
        }
    }

    private void rename(Path from, Path to) throws IOException {
        if (!move(from, to)) {
            throw new StorageException("Cannot rename " + from + " to " + to + ".");
        }
    }

    /**
     * One rename, or nothing. Hadoop's local file system falls back to copy-then-delete when
     * the operating system refuses a rename, which can leave two copies, or a partial one,
     * behind; on a local disk the folder is moved by the operating system alone.
     */
    private boolean move(Path from, Path to) throws IOException {
        if (fileSystem instanceof LocalFileSystem local) {
            try {
                Files.move(local.pathToFile(from).toPath(), local.pathToFile(to).toPath(),
                        StandardCopyOption.ATOMIC_MOVE);
                return true;
            } catch (IOException e) {
                return false;
            }
        }
        return fileSystem.rename(from, to);
    }

    /** Leaves the staging folder in place, unpublished, for inspection. */
    public void keepUnpublished() {
        committed = true;
    }

    /** Whether {@code folder} is a committed folder (it holds the success marker). */
    public static boolean isComplete(Path folder, Configuration conf) {
        return HadoopFiles.exists(new Path(folder, SUCCESS_MARKER), conf);
    }

    /**
     * Deletes the staging folder unless the folder was committed. It is renamed first, so
     * that a task still writing into it (which creates files, never folders) cannot recreate
     * it while it is being deleted.
     */
    @Override
    public void close() {
        if (!committed) {
            try {
                Path discarded = new Path(staging.getParent(), staging.getName()
                        + ".discarded-" + UUID.randomUUID());
                fileSystem.delete(move(staging, discarded) ? discarded : staging, true);
            } catch (IOException e) {
                // The staging folder is hidden and named as such; a leftover harms no reader.
            }
        }
    }
}
