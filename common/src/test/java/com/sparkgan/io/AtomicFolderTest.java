package com.sparkgan.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFolderTest {
    @TempDir
    Path dir;

    private final Configuration conf = new Configuration();

    private AtomicFolder stage(String content) throws IOException {
        AtomicFolder folder = AtomicFolder.begin(
                new org.apache.hadoop.fs.Path(dir.resolve("out").toString()), conf);
        Files.writeString(Path.of(folder.staging().toUri().getPath()).resolve("data.txt"), content);
        return folder;
    }

    @Test
    void commitPublishesAndReplacesOnlyWhenAsked() throws IOException {
        try (AtomicFolder first = stage("one")) {
            first.commit(false);
        }
        assertEquals("one", Files.readString(dir.resolve("out/data.txt")));
        try (AtomicFolder second = stage("two")) {
            assertThrows(StorageException.class, () -> second.commit(false));
        }
        try (AtomicFolder third = stage("three")) {
            third.commit(true);
        }
        assertEquals("three", Files.readString(dir.resolve("out/data.txt")));
        assertEquals(List.of("out"), names());
    }

    /**
     * An old folder that cannot be moved aside (immutable here) keeps its place, and the copy
     * Hadoop's local file system makes when a rename is refused does not stay behind.
     */
    @Test
    void aRefusedReplaceKeepsTheOldFolderAndLeavesNoCopy() throws Exception {
        try (AtomicFolder first = stage("old")) {
            first.commit(false);
        }
        Path out = dir.resolve("out");
        assumeTrue(chattr("+i", out), "the file system cannot mark folders immutable here");
        try {
            try (AtomicFolder second = stage("new")) {
                assertThrows(StorageException.class, () -> second.commit(true));
            }
        } finally {
            chattr("-i", out);
        }
        assertEquals("old", Files.readString(out.resolve("data.txt")));
        assertEquals(List.of("out"), names());
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> !name.endsWith(".crc")).sorted().toList();
        }
    }

    private static boolean chattr(String flag, Path path) throws Exception {
        try {
            Process p = new ProcessBuilder("chattr", flag, path.toString())
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
