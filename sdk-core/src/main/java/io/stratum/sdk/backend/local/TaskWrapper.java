package io.stratum.sdk.backend.local;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The shell that wraps a task's command, so that what the scheduler must know survives the
 * scheduler: the wrapper writes its pid to {@code .stratum/pid}, runs {@code /bin/sh -c command}
 * as its child, and when that ends writes the exit code to {@code .stratum/exit-code} (atomically,
 * by rename) and exits with it. A re-adopted task is not our child, so its exit code can only be
 * known from that file.
 *
 * <p>The wrapper traps TERM (and INT, HUP) with a no-op rather than ignoring them: a shell waiting
 * for a foreground child runs the trap only after the child ends, so a SIGTERM to the group ends
 * the command while the wrapper stays to record how; and a trapped signal, unlike an ignored one,
 * is reset to its default in the child, so the command still gets TERM as usual. SIGKILL kills
 * the wrapper too; then there is no exit code file.
 *
 * <p>Between the wrapper's fork and the command shell's exec, the child still has the wrapper's
 * no-op trap, so a SIGTERM landing there is lost. The command shell therefore first writes
 * {@code .stratum/started} (its working directory is the sandbox): once that file exists, the
 * command runs with TERM at its default, and a kill that began before it re-sends TERM
 * ({@link TaskProcess#kill}).
 *
 * <p>The command is the wrapper's positional argument {@code $1}, never spliced into its script
 * (the wrapper prefixes the marker line to it at run time, inside quotes), so no quoting can go
 * wrong; a marker argument before it lets {@link #commandOf} find it in a process's command line.
 */
final class TaskWrapper {
    static final String MARKER = "stratum-task";
    static final String SCRIPT = "echo $$ > \"$2/pid\"; trap : TERM INT HUP; "
            + "/bin/sh -c \": > .stratum/started\n\"\"$1\"; c=$?; "
            + "printf '%s\\n' \"$c\" > \"$2/exit-code.tmp\" && command -p mv -f \"$2/exit-code.tmp\" \"$2/exit-code\"; "
            + "exit \"$c\"";

    private TaskWrapper() {}

    /** @return the wrapper's command line (to run under {@code setsid}) */
    static List<String> command(String command, Path metaDir) {
        return List.of("/bin/sh", "-c", SCRIPT, MARKER, command, metaDir.toString());
    }

    /** @return the command a wrapper's arguments run, if they are a wrapper's */
    static Optional<String> commandOf(List<String> arguments) {
        int marker = arguments.indexOf(MARKER);
        return marker >= 0 && marker + 1 < arguments.size() ? Optional.of(arguments.get(marker + 1)) : Optional.empty();
    }

    /** @return the SHA-256 of a command, in hex: how a checkpoint names the command without holding it */
    static String hash(String command) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(command.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
