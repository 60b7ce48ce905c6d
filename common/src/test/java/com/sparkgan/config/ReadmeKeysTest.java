package com.sparkgan.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README documents every key with its current default. */
class ReadmeKeysTest {
    @Test
    void readmeHoldsTheGeneratedKeyTable() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        assertTrue(readme.contains(ConfigKeys.markdownTable()), "README.md's key table is "
                + "out of date; replace it with ConfigKeys.markdownTable():\n"
                + ConfigKeys.markdownTable());
    }
}
