package io.stratum.sdk.backend.local;

import io.stratum.sdk.internal.process.ProcStat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Whether a live process is the task a checkpoint describes. A pid alone proves nothing (pids are
 * reused), so the process must also have started when the checkpoint says, and its command line
 * must be our wrapper running the checkpointed command.
 *
 * <p>Start times are compared within {@link #START_TOLERANCE}: the JDK derives them from the boot
 * time in whole seconds, which a clock adjustment between two scheduler runs can move by one.
 *
 * @param pid        the process
 * @param startTicks its start in clock ticks since boot (exact, for the liveness polls that follow)
 * @param startTime  its start
 */
record TaskIdentity(long pid, long startTicks, Instant startTime) {
    static final Duration START_TOLERANCE = Duration.ofSeconds(1);

    /**
     * @param checkpoint a task's checkpoint
     * @param sandbox    its sandbox, where the wrapper recorded its pid if the launch was
     *                   interrupted before the checkpoint got it
     * @return the task's process, if it still runs
     */
    static Optional<TaskIdentity> find(Checkpoint checkpoint, Sandbox sandbox) {
        boolean startKnown = checkpoint.pid() != 0;
        long pid = startKnown ? checkpoint.pid() : sandbox.wrapperPid().orElse(0);
        if (pid <= 1) {
            return Optional.empty();
        }
        Optional<ProcStat> stat = ProcStat.read(pid).filter(ProcStat::isLiving);
        Optional<ProcessHandle.Info> info = ProcessHandle.of(pid).map(ProcessHandle::info);
        if (stat.isEmpty() || info.isEmpty() || info.get().startInstant().isEmpty()) {
            return Optional.empty();
        }
        Instant start = info.get().startInstant().get();
        if (startKnown && Duration.between(checkpoint.startTime(), start).abs().compareTo(START_TOLERANCE) > 0) {
            return Optional.empty(); // the pid was reused
        }
        Optional<String[]> arguments = info.get().arguments();
        if (arguments.isPresent()) {
            boolean sameCommand = TaskWrapper.commandOf(List.of(arguments.get())).map(TaskWrapper::hash)
                    .filter(checkpoint.commandHash()::equals).isPresent();
            if (!sameCommand) {
                return Optional.empty(); // not our wrapper, or running another command
            }
        } else if (!startKnown) {
            return Optional.empty(); // without a readable command line, only a known start time will do
        }
        return Optional.of(new TaskIdentity(pid, stat.get().startTicks(), start));
    }
}
