package com.sparkgan.io;

import java.io.BufferedInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Small helpers over Hadoop's FileSystem, so that every path the product touches may be a
 * plain path, a {@code file://} URI or any Hadoop file system URI such as {@code hdfs://}.
 */
public final class HadoopFiles {
    private static final int GZIP_MAGIC = 0x8b1f;

    private HadoopFiles() {
    }

    public static FileSystem fileSystem(Path path, Configuration conf) {
        try {
            return path.getFileSystem(conf);
        } catch (IOException e) {
            throw new StorageException("Cannot reach the file system of " + path + ": "
                    + reason(e) + ".", e);
        }
    }

    /** Opens a file, transparently decompressing it when it starts with the gzip magic. */
    public static InputStream openMaybeGzipped(Path path, Configuration conf) throws IOException {
        InputStream raw = new BufferedInputStream(fileSystem(path, conf).open(path), 1 << 16);
        raw.mark(2);
        int first = raw.read();
        int second = raw.read();
        raw.reset();
        if (first >= 0 && second >= 0 && ((second << 8) | first) == GZIP_MAGIC) {
            return new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
        }
        return raw;
    }

    public static boolean exists(Path path, Configuration conf) {
        try {
            return fileSystem(path, conf).exists(path);
        } catch (IOException e) {
            throw new StorageException("Cannot reach " + path + ": " + reason(e) + ".", e);
        }
    }

    /**
     * Creates {@code folder} if needed and proves that it takes a file, so that an
     * unwritable output fails before any work is done.
     */
    public static void requireWritableFolder(Path folder, Configuration conf) {
        FileSystem fs = fileSystem(folder, conf);
        Path probe = new Path(folder, ".sparkgan-write-check-" + java.util.UUID.randomUUID());
        try {
            if (fs.exists(folder) && !fs.getFileStatus(folder).isDirectory()) {
                throw new StorageException("The output " + folder + " is a file, not a folder.");
            }
            fs.mkdirs(folder);
            fs.create(probe, false).close();
            fs.delete(probe, false);
        } catch (IOException e) {
            throw new StorageException("Cannot write to " + folder + ": " + reason(e) + ".",
                    e);
        }
    }

    /** Creates {@code folder} and its parents, or fails with one sentence. */
    public static void mkdirs(Path folder, Configuration conf) {
        try {
            if (!fileSystem(folder, conf).mkdirs(folder)) {
                throw new StorageException("Cannot create " + folder + ".");
            }
        } catch (IOException e) {
            throw new StorageException("Cannot create " + folder + ": " + reason(e) + ".", e);
        }
    }

    /** Deletes {@code folder} if it holds nothing; any failure to do so is ignored. */
    public static void deleteIfEmpty(Path folder, Configuration conf) {
        try {
            FileSystem fs = fileSystem(folder, conf);
            if (fs.exists(folder) && fs.listStatus(folder).length == 0) {
                fs.delete(folder, false);
            }
        } catch (IOException | RuntimeException e) {
            // an empty folder left behind harms nobody; the failure being reported matters
        }
    }

    /** The first line of an error's message: Hadoop's often run on over many lines. */
    public static String reason(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Fails with one clear sentence when {@code path} is not an existing file. */
    public static void requireFile(Path path, Configuration conf, String role) {
        try {
            if (!fileSystem(path, conf).getFileStatus(path).isFile()) {
                throw new StorageException("The " + role + " " + path + " is a folder, not a "
                        + "file.");
            }
        } catch (FileNotFoundException e) {
            throw new StorageException("The " + role + " " + path + " does not exist.", e);
        } catch (IOException e) {
            throw new StorageException("Cannot reach the " + role + " " + path + ": "
                    + reason(e) + ".", e);
        }
    }

    public static String readText(Path path, Configuration conf) {
        try (InputStream in = fileSystem(path, conf).open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (FileNotFoundException e) {
            throw new StorageException("The file " + path + " does not exist.", e);
        } catch (IOException e) {
            throw new StorageException("Cannot read " + path + ": " + reason(e) + ".", e);
        }
    }

    public static void writeText(Path path, Configuration conf, String text) {
        writeBytes(path, conf, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void writeBytes(Path path, Configuration conf, byte[] bytes) {
        try (FSDataOutputStream out = fileSystem(path, conf).create(path, true)) {
            out.write(bytes);
        } catch (IOException e) {
            throw new StorageException("Cannot write " + path + ": " + reason(e) + ".", e);
        }
    }

    /** Writes through a callback, reporting failures as {@link StorageException}. */
    public static void write(Path path, Configuration conf, StreamWriter writer) {
        try (OutputStream out = fileSystem(path, conf).create(path, true)) {
            writer.write(out);
        } catch (IOException e) {
            throw new StorageException("Cannot write " + path + ": " + reason(e) + ".", e);
        } catch (UncheckedIOException e) {
            throw new StorageException("Cannot write " + path + ": "
                    + reason(e.getCause()) + ".", e);
        }
    }

    /** Moves {@code from} over {@code to}, replacing it. */
    public static void replace(Path from, Path to, Configuration conf) {
        FileSystem fs = fileSystem(to, conf);
        try {
            if (fs.exists(to) && !fs.delete(to, false)) {
                throw new StorageException("Cannot replace " + to + ".");
            }
            if (!fs.rename(from, to)) {
                throw new StorageException("Cannot rename " + from + " to " + to + ".");
            }
        } catch (IOException e) {
            throw new StorageException("Cannot replace " + to + ": " + reason(e) + ".", e);
        }
    }

    /** A plain path becomes a path of the default file system; URIs stay as they are. */
    public static Path path(String uriOrPath) {
        try {
            return new Path(uriOrPath);
        } catch (IllegalArgumentException e) {
            // An empty string (an unset shell variable) or a malformed URI such as "a:b".
            throw new com.sparkgan.config.ConfigException("\"" + uriOrPath + "\" is not a "
                    + "usable path or URI: " + reason(e) + ".", e);
        }
    }

    /** Writes one stream. */
    @FunctionalInterface
    public interface StreamWriter {
        void write(OutputStream out) throws IOException;
    }
}
