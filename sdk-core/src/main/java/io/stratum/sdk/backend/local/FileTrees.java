package io.stratum.sdk.backend.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deletes directory trees without following symbolic links, so a volume linked into a sandbox keeps its data. */
final class FileTrees {
    private FileTrees() {}

    /**
     * Deletes {@code dir} and everything in it; nothing if it does not exist.
     *
     * @param what what the directory is, for the message
     * @throws UncheckedIOException if something cannot be deleted
     */
    static void delete(String what, Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) { // walk does not follow symbolic links
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + what + " " + dir, e);
        }
    }
}
