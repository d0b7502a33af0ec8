package io.stratum.sdk.internal.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The fields Stratum needs from one process's {@code /proc/<pid>/stat} line (Linux).
 *
 * <p>{@link ProcessHandle#isAlive()} says a zombie is alive; this record tells them apart, which
 * matters because an orphaned grandchild stays a zombie until whoever is PID 1 reaps it, and
 * some PID 1s in containers are slow to do so.
 *
 * @param pid          the process id
 * @param state        the kernel's one-letter state: R, S, D, T, Z (zombie), X (dead), ...
 * @param parentPid    the parent's pid
 * @param processGroup the process group id
 * @param session      the session id
 * @param startTicks   when the process started, in clock ticks since boot
 */
public record ProcStat(long pid, char state, long parentPid, long processGroup, long session, long startTicks) {

    private static final Path PROC = Path.of("/proc");

    /**
     * @param pid a process id
     * @return the process's stat, or empty if there is no such process (or no {@code /proc})
     */
    public static Optional<ProcStat> read(long pid) {
        try {
            return parse(pid, Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // gone between listing and reading, or not Linux
        }
    }

    /** @return whether the process runs (or sleeps): neither a zombie nor dead */
    public boolean isLiving() {
        return state != 'Z' && state != 'X' && state != 'x';
    }

    static Optional<ProcStat> parse(long pid, String line) {
        // The command name (field 2) is in parentheses and may itself hold spaces and ')'.
        int close = line.lastIndexOf(')');
        if (close < 0) {
            return Optional.empty();
        }
        String[] f = line.substring(close + 2).trim().split(" ");
        if (f.length < 20) {
            return Optional.empty();
        }
        return Optional.of(new ProcStat(pid, f[0].charAt(0), Long.parseLong(f[1]), Long.parseLong(f[2]),
                Long.parseLong(f[3]), Long.parseLong(f[19])));
    }
}
