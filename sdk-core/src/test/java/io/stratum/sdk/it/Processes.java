package io.stratum.sdk.it;

import io.stratum.sdk.internal.process.ProcStat;
import io.stratum.sdk.internal.process.ProcessGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/** Task processes as the operating system sees them, and the sweep that leaves none behind a test. */
public final class Processes {
    private Processes() {}

    /** @return whether {@code pid} is a living process (present, and neither a zombie nor dead) */
    public static boolean alive(long pid) {
        return pid > 0 && ProcessHandle.of(pid).isPresent() && ProcStat.read(pid).filter(ProcStat::isLiving).isPresent();
    }

    /** @return the pids of the task wrappers (also their process groups) ever launched under {@code workDir} */
    public static List<Long> taskPids(Path workDir) {
        List<Long> pids = new ArrayList<>();
        Path agents = workDir.resolve("cluster").resolve("agents");
        if (!Files.isDirectory(agents)) {
            return pids;
        }
        try (Stream<Path> files = Files.find(agents, 5, (p, a) -> p.getFileName().toString().equals("pid")
                && p.getParent().getFileName().toString().equals(".stratum"))) {
            for (Path file : files.toList()) {
                try {
                    pids.add(Long.parseLong(Files.readString(file).strip()));
                } catch (IOException | NumberFormatException e) {
                    // a wrapper that has not written its pid yet, or a sandbox being deleted
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // the tree changed under us; the pids the test recorded are killed too
        }
        return pids;
    }

    /** Kills (SIGKILL) the process group of every task launched under {@code workDir} that still has living members. */
    public static void killLeftovers(Path workDir) {
        killGroups(taskPids(workDir));
    }

    /** Kills (SIGKILL) each of these process groups that still has living members. */
    public static void killGroups(Collection<Long> groups) {
        for (long pid : groups) {
            if (pid > 1) {
                ProcessGroup group = new ProcessGroup(pid);
                if (!group.isEmpty()) {
                    group.signal(ProcessGroup.Signal.KILL);
                }
            }
        }
    }
}
