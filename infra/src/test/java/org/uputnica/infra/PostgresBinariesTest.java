package org.uputnica.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostgresBinariesTest {

    @Test
    void aHalfUnpackedDistributionIsEmptiedSoThatTheNextUnpackSucceeds(@TempDir Path work) throws IOException {
        Path partial = distribution(work, "PG-partial");

        assertEquals(List.of(partial), PostgresBinaries.recoverPartialUnpacks(work));

        assertFalse(Files.exists(partial.resolve("lib/libicudata.so")), "the file an unpack trips over is gone");
        assertFalse(Files.exists(partial.resolve("bin")));
        assertTrue(Files.isDirectory(partial), "the directory itself stays for zonky to unpack into");
    }

    @Test
    void aCompleteDistributionIsLeftAlone(@TempDir Path work) throws IOException {
        Path complete = distribution(work, "PG-complete");
        Files.createFile(complete.resolve(PostgresBinaries.COMPLETE_MARKER));

        assertEquals(List.of(), PostgresBinaries.recoverPartialUnpacks(work));
        assertTrue(Files.exists(complete.resolve("lib/libicudata.so")));
    }

    @Test
    void aDistributionBeingUnpackedNowIsLeftAlone(@TempDir Path work) throws IOException {
        Path unpacking = distribution(work, "PG-unpacking");
        try (FileChannel channel = FileChannel.open(unpacking.resolve(PostgresBinaries.UNPACK_LOCK),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            assertEquals(List.of(), PostgresBinaries.recoverPartialUnpacks(work));
        }
        assertTrue(Files.exists(unpacking.resolve("lib/libicudata.so")));
    }

    @Test
    void otherDirectoriesAndAMissingWorkingDirectoryAreIgnored(@TempDir Path work) throws IOException {
        Path other = distribution(work, "not-postgres");

        assertEquals(List.of(), PostgresBinaries.recoverPartialUnpacks(work));
        assertEquals(List.of(), PostgresBinaries.recoverPartialUnpacks(work.resolve("absent")));
        assertTrue(Files.exists(other.resolve("lib/libicudata.so")));
    }

    private static Path distribution(Path work, String name) throws IOException {
        Path dir = work.resolve(name);
        Files.createDirectories(dir.resolve("lib"));
        Files.createDirectories(dir.resolve("bin"));
        Files.writeString(dir.resolve("lib/libicudata.so"), "x");
        Files.writeString(dir.resolve("bin/postgres"), "x");
        return dir;
    }
}
