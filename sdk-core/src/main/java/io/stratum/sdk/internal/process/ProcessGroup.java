package io.stratum.sdk.internal.process;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A process group: a task's or a command check's processes, children and grandchildren alike
 * (unless one of them starts its own group, which tasks should not do).
 *
 * <p>Java cannot signal a group, so {@link #signal} runs the shell's {@code kill -s SIG -- -id},
 * which the kernel applies to every member atomically. Membership is read from {@code /proc}.
 * Thread-safe (stateless).
 *
 * @param id the group id: the pid of its leader, greater than 1
 */
public record ProcessGroup(long id) {

    private static final long SIGNAL_TIMEOUT_SECONDS = 10;

    public ProcessGroup {
        if (id <= 1) {
            throw new IllegalArgumentException("process group id must be greater than 1: " + id);
        }
    }

    /** A signal sent to a whole group. */
    public enum Signal {
        /** Asks the processes to end (15); they may catch or ignore it. */
        TERM,
        /** Ends the processes (9); cannot be caught. */
        KILL
    }

    /**
     * Sends a signal to every member of the group. Refuses to signal the JVM's own group.
     *
     * @param signal the signal
     * @return whether the group existed and the signal was delivered
     * @throws IllegalStateException if the group is the JVM's own
     */
    public boolean signal(Signal signal) {
        long own = ProcStat.read(ProcessHandle.current().pid()).map(ProcStat::processGroup).orElse(-1L);
        if (own == id) {
            throw new IllegalStateException("refusing to signal the JVM's own process group " + id);
        }
        ProcessBuilder kill = new ProcessBuilder("/bin/sh", "-c", "kill -s " + signal.name() + " -- -" + id)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            Process process = kill.start();
            if (!process.waitFor(SIGNAL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run /bin/sh to signal process group " + id, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** @return the pids of the group's members that are neither zombies nor dead, possibly none */
    public List<Long> livingMembers() {
        List<Long> members = new ArrayList<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), ProcessGroup::isPidDir)) {
            for (Path proc : procs) {
                ProcStat.read(Long.parseLong(proc.getFileName().toString()))
                        .filter(stat -> stat.processGroup() == id && stat.isLiving())
                        .ifPresent(stat -> members.add(stat.pid()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return members;
    }

    /** @return whether no member of the group is alive */
    public boolean isEmpty() {
        return livingMembers().isEmpty();
    }

    private static boolean isPidDir(Path path) {
        String name = path.getFileName().toString();
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }
}
