package io.stratum.sdk.backend.local;

import io.stratum.sdk.internal.check.RunningCheck;
import io.stratum.sdk.backend.TaskStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A task the backend knows: launched by it, re-adopted, or ended (a refused launch, or one that
 * ended while no backend watched). Mutable; the backend's thread only.
 */
final class LocalTask {
    private final LocalAgent agent;
    private final Optional<TaskProcess> process;
    private final List<RunningCheck> checks = new ArrayList<>();
    private LaunchRecord record;
    private TaskStatus status;
    private String failure;

    LocalTask(LocalAgent agent, LaunchRecord record, Optional<TaskProcess> process, TaskStatus status) {
        this.agent = agent;
        this.record = record;
        this.process = process;
        this.status = status;
    }

    String id() {
        return record.taskId();
    }

    LocalAgent agent() {
        return agent;
    }

    LaunchRecord record() {
        return record;
    }

    /** Records that the readiness check passed, on disk too, so a restarted backend does not run it again. */
    void ready() {
        record = record.withReady();
        agent.launches().write(record.taskId(), record);
    }

    Optional<TaskProcess> process() {
        return process;
    }

    TaskStatus status() {
        return status;
    }

    void status(TaskStatus status) {
        this.status = status;
    }

    boolean isLive() {
        return !status.state().isTerminal();
    }

    /** @return why the backend killed the task on its own (a failed health check), if it did */
    Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    void failure(String why) {
        this.failure = why;
    }

    void checks(List<RunningCheck> started) {
        checks.addAll(started);
    }

    void closeChecks() {
        checks.forEach(RunningCheck::close);
        checks.clear();
    }

    /** @return what the API shows of the task: sandbox, pid, agent, address */
    Map<String, String> info() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("sandbox", agent.dirs().sandbox(record.taskId()).toString());
        process.ifPresent(p -> info.put("pid", Long.toString(p.pid())));
        info.put("agent", agent.id());
        info.put("address", agent.address());
        return info;
    }
}
