package io.stratum.sdk.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Checks on the files and directories flags name, made before anything reads or creates them: a
 * FIFO, a device or a directory given as a file is refused at once (reading a FIFO would block for
 * ever), and a failure is described in words, never by its exception's name.
 */
final class InputFiles {
    private InputFiles() {}

    /**
     * @param what the flag or parameter naming the file, e.g. {@code --env-file}
     * @throws CliException (bad input) unless {@code file} is a regular file (or a link to one)
     */
    static void requireRegularFile(String what, Path file) {
        if (Files.isRegularFile(file)) {
            return;
        }
        if (!Files.exists(file)) {
            throw CliException.badInput(what + ": cannot read '" + file + "': no such file");
        }
        throw CliException.badInput(what + ": '" + file + "' is " + (Files.isDirectory(file) ? "a directory"
                : "a FIFO, socket or device") + ", not a regular file");
    }

    /**
     * @param what the flag naming the directory, e.g. {@code --work-dir}
     * @throws CliException (bad input) if {@code dir} is not a writable directory, nor could be created as one
     */
    static void requireUsableDirectory(String what, Path dir) {
        Path absolute = dir.toAbsolutePath();
        if (Files.exists(absolute)) {
            if (!Files.isDirectory(absolute)) {
                throw CliException.badInput(what + ": '" + dir + "' is a file, not a directory");
            }
            if (!Files.isWritable(absolute)) {
                throw CliException.badInput(what + ": '" + dir + "' is not writable");
            }
            return;
        }
        Path ancestor = absolute.getParent();
        while (ancestor != null && !Files.exists(ancestor)) {
            ancestor = ancestor.getParent();
        }
        if (ancestor == null) {
            return;
        }
        if (!Files.isDirectory(ancestor)) {
            throw CliException.badInput(what + ": cannot create '" + dir + "': '" + ancestor + "' is a file, not a directory");
        }
        if (!Files.isWritable(ancestor)) {
            throw CliException.badInput(what + ": cannot create '" + dir + "': '" + ancestor + "' is not writable");
        }
    }

    /** @return what went wrong reading a file, in words */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        return CliErrors.withoutTypeNames(e);
    }
}
