package io.stratum.sdk.internal.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code setsid} program (util-linux), which runs a command as the leader of a new session and
 * process group, so that the group can be signalled as a whole and a terminal's Ctrl-C does not
 * reach it.
 *
 * <p>A JVM's child is never a process group leader, so {@code setsid} calls {@code setsid(2)}
 * and execs in place without forking: the pid {@link ProcessBuilder#start()} returns is the
 * session's and the group's id.
 *
 * @param executable the absolute path of {@code setsid}
 */
public record Setsid(Path executable) {

    public Setsid {
        Objects.requireNonNull(executable, "executable");
    }

    /**
     * Finds {@code setsid} on the given {@code PATH}, then in {@code /usr/bin} and {@code /bin}.
     *
     * @param environment an environment whose {@code PATH} is searched (usually {@link System#getenv()})
     * @return the program
     * @throws IllegalStateException if it is not installed
     */
    public static Setsid locate(Map<String, String> environment) {
        List<String> dirs = new ArrayList<>();
        String path = environment.get("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(File.pathSeparator)));
        }
        dirs.addAll(List.of("/usr/bin", "/bin"));
        for (String dir : dirs) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "setsid").toAbsolutePath();
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return new Setsid(candidate);
            }
        }
        throw new IllegalStateException("setsid not found on PATH or in /usr/bin or /bin: Stratum runs each task "
                + "and command check in its own process group with it; install util-linux (Debian: apt-get install util-linux)");
    }

    /**
     * @param command a program and its arguments
     * @return the command line that runs it in a new session: {@code setsid command...}
     */
    public List<String> wrap(List<String> command) {
        List<String> line = new ArrayList<>(command.size() + 1);
        line.add(executable.toString());
        line.addAll(command);
        return List.copyOf(line);
    }
}
