package io.stratum.sdk.backend.local;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Small records kept as one JSON file each in a directory, each file written atomically
 * ({@link AtomicFile}). Thread-safe (files are replaced whole).
 *
 * @param <T> the record type
 */
final class JsonDirectory<T> {
    private static final System.Logger LOG = System.getLogger(JsonDirectory.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final String what;
    private final Path dir;
    private final Class<T> type;
    private final Function<String, Path> fileOf;

    /**
     * @param what   what a record is, for messages
     * @param dir    the directory
     * @param type   the record type
     * @param fileOf a record's file (in {@code dir}, ending in {@code .json}) by its id
     */
    JsonDirectory(String what, Path dir, Class<T> type, Function<String, Path> fileOf) {
        this.what = what;
        this.dir = dir;
        this.type = type;
        this.fileOf = fileOf;
    }

    void write(String id, T record) {
        try {
            AtomicFile.write(fileOf.apply(id), JSON.writeValueAsBytes(record));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the " + what + " of " + id, e);
        }
    }

    boolean exists(String id) {
        return Files.exists(fileOf.apply(id));
    }

    void delete(String id) {
        try {
            Files.deleteIfExists(fileOf.apply(id));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the " + what + " of " + id, e);
        }
    }

    /** @return every readable record; an unreadable one is logged and skipped */
    List<T> list() {
        List<T> records = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path file : files) {
                try {
                    records.add(JSON.readValue(file.toFile(), type));
                } catch (IOException | RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "skipping unreadable " + what + " " + file, e);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return records;
    }
}
