package io.stratum.sdk.backend.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A task's sandbox: the fresh directory one launch runs in, with the task's output files, its
 * persistent volumes linked in at their paths, its rendered config files, and a {@code .stratum}
 * directory where the task's wrapper shell leaves its pid and exit code.
 *
 * @param dir {@code <agent>/sandboxes/<taskId>}
 */
record Sandbox(Path dir) {

    /**
     * Creates the sandbox of a launch.
     *
     * @param agent   the agent's directories
     * @param taskId  the launch's task id (each launch has a new one)
     * @param volumes volume directory by path (relative to the sandbox; see {@link LedgerFile#directory});
     *                each volume must exist (created with it) and appears as a symbolic link to its
     *                directory
     * @param configs already-rendered text by destination (relative to the sandbox)
     * @return the sandbox
     * @throws IllegalStateException    if the task id has a sandbox already, or a volume does not exist
     * @throws IllegalArgumentException if a path is absolute or leaves the sandbox
     * @throws UncheckedIOException     if the files cannot be written
     */
    static Sandbox create(AgentDirs agent, String taskId, Map<String, Path> volumes, Map<String, String> configs) {
        Sandbox sandbox = new Sandbox(agent.sandbox(taskId));
        try {
            Files.createDirectories(sandbox.dir().getParent());
            Files.createDirectory(sandbox.dir());
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("task " + taskId + " has a sandbox already: " + sandbox.dir(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create sandbox " + sandbox.dir(), e);
        }
        try {
            Files.createDirectories(sandbox.metaDir());
            Files.createFile(sandbox.stdout());
            Files.createFile(sandbox.stderr());
            for (Map.Entry<String, Path> volume : volumes.entrySet()) {
                sandbox.link(volume.getKey(), volume.getValue());
            }
            for (Map.Entry<String, String> config : configs.entrySet()) {
                Path dest = sandbox.resolve("config dest", config.getKey());
                Files.createDirectories(dest.getParent());
                Files.writeString(dest, config.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare sandbox " + sandbox.dir(), e);
        }
        return sandbox;
    }

    Path stdout() {
        return dir.resolve("stdout");
    }

    Path stderr() {
        return dir.resolve("stderr");
    }

    /** @return {@code .stratum}: files of ours, not the task's */
    Path metaDir() {
        return dir.resolve(".stratum");
    }

    /** @return the exit code the wrapper shell recorded when the command ended, if it did */
    OptionalInt exitCode() {
        return readInt(metaDir().resolve("exit-code"));
    }

    /** @return whether the command's shell has started (with TERM at its default: {@link TaskWrapper}) */
    boolean commandStarted() {
        return Files.exists(metaDir().resolve("started"));
    }

    /** @return the pid the wrapper shell recorded when it started, if it did */
    OptionalInt wrapperPid() {
        return readInt(metaDir().resolve("pid"));
    }

    /** Deletes the sandbox; volumes linked into it are not followed, so their data stays. */
    void delete() {
        FileTrees.delete("sandbox", dir);
    }

    /**
     * @return {@code relative} inside the sandbox
     * @throws IllegalArgumentException if it is absolute, empty or leaves the sandbox
     */
    Path resolve(String what, String relative) {
        Path path = Path.of(relative);
        Path resolved = dir.resolve(path).normalize();
        if (path.isAbsolute() || relative.isBlank() || !resolved.startsWith(dir) || resolved.equals(dir)) {
            throw new IllegalArgumentException(what + " must be a path inside the sandbox: '" + relative + "'");
        }
        return resolved;
    }

    private void link(String path, Path volume) throws IOException {
        if (!Files.isDirectory(volume)) {
            throw new IllegalStateException("volume " + volume.getFileName() + " does not exist on this agent: " + volume);
        }
        Path link = resolve("volume path", path);
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, link.getParent().relativize(volume));
    }

    private static OptionalInt readInt(Path file) {
        try {
            return OptionalInt.of(Integer.parseInt(Files.readString(file).strip()));
        } catch (IOException | NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
