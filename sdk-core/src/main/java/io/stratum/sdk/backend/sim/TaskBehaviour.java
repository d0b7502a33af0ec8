package io.stratum.sdk.backend.sim;

import io.stratum.sdk.spec.Goal;
import io.stratum.sdk.backend.CheckState;
import io.stratum.sdk.backend.TaskState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a launched task does in a {@link SimCluster}: the statuses it reports, in order. Steps with
 * no delay are reported as soon as the task is launched (and queued for the next
 * {@link SimCluster#deliver()}); a step with a delay waits until the cluster's clock has moved that
 * far past the step before it. After the last step the task stays as it is until the scheduler
 * kills it or the test acts on it ({@link SimCluster#fail}, {@link SimCluster#finish}, ...).
 *
 * <p>Without a script every task follows {@link #defaults(Goal)}. A step that leaves a check
 * result {@code null} gets the default rule: {@code PASSED} in a {@code RUNNING} status when the
 * task's spec has that check, otherwise the previous result (at first {@code UNKNOWN}).
 *
 * @param steps the statuses to report, in order; may be empty (the task is launched and says nothing)
 */
public record TaskBehaviour(List<Step> steps) {

    public TaskBehaviour {
        steps = List.copyOf(steps);
    }

    /**
     * One status to report.
     *
     * @param state     the task's state
     * @param health    the health check's result, or null for the default rule
     * @param readiness the readiness check's result, or null for the default rule
     * @param message   the explanation, possibly empty
     * @param delay     how long after the previous step (or the launch) it is reported; zero or more
     */
    public record Step(TaskState state, CheckState health, CheckState readiness, String message, Duration delay) {
        /** @throws IllegalArgumentException if the delay is negative */
        public Step {
            Objects.requireNonNull(state, "state");
            message = message == null ? "" : message;
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("a step's delay must not be negative: " + delay);
            }
        }

        /** @return a step to {@code state} at once, with the default check results */
        public static Step of(TaskState state, String message) {
            return new Step(state, null, null, message, Duration.ZERO);
        }

        /** @return this step with the readiness result {@code result} */
        public Step withReadiness(CheckState result) {
            return new Step(state, health, result, message, delay);
        }

        /** @return this step with the health result {@code result} */
        public Step withHealth(CheckState result) {
            return new Step(state, result, readiness, message, delay);
        }

        /** @return this step reported {@code delay} after the previous one */
        public Step after(Duration delay) {
            return new Step(state, health, readiness, message, delay);
        }
    }

    /**
     * The default rules: {@code STARTING}, then {@code RUNNING} (with passed checks); a task whose
     * goal is {@code FINISH} or {@code ONCE} then {@code FINISHED} with exit status 0.
     */
    public static TaskBehaviour defaults(Goal goal) {
        TaskBehaviour running = states(TaskState.STARTING, TaskState.RUNNING);
        return goal == Goal.RUNNING ? running : running.then(TaskState.FINISHED, "exited with status 0");
    }

    /** @return a behaviour of these steps */
    public static TaskBehaviour of(Step... steps) {
        return new TaskBehaviour(List.of(steps));
    }

    /** @return a behaviour reporting these states at once, in order, with default check results */
    public static TaskBehaviour states(TaskState... states) {
        return states(Arrays.asList(states));
    }

    /** @return a behaviour reporting these states at once, in order, with default check results */
    public static TaskBehaviour states(List<TaskState> states) {
        return new TaskBehaviour(states.stream().map(s -> Step.of(s, "")).toList());
    }

    /** @return a task that reports {@code STARTING} and never gets further */
    public static TaskBehaviour stayStarting() {
        return states(TaskState.STARTING);
    }

    /** @return a task that fails while starting */
    public static TaskBehaviour failOnStart(String message) {
        return stayStarting().then(TaskState.FAILED, message);
    }

    /** @return a task that runs, then fails */
    public static TaskBehaviour failAfterRunning(String message) {
        return states(TaskState.STARTING, TaskState.RUNNING).then(TaskState.FAILED, message);
    }

    /** @return a task that runs, then exits with status 0, whatever its goal */
    public static TaskBehaviour finish() {
        return states(TaskState.STARTING, TaskState.RUNNING).then(TaskState.FINISHED, "exited with status 0");
    }

    /** @return a task that runs but whose readiness check fails */
    public static TaskBehaviour failReadiness() {
        return of(Step.of(TaskState.STARTING, ""), Step.of(TaskState.RUNNING, "").withReadiness(CheckState.FAILED));
    }

    /** @return a task that runs but whose health check fails */
    public static TaskBehaviour unhealthy() {
        return of(Step.of(TaskState.STARTING, ""), Step.of(TaskState.RUNNING, "").withHealth(CheckState.FAILED));
    }

    /** @return a launch the agent refuses: {@code ERROR} at once */
    public static TaskBehaviour error(String message) {
        return of(Step.of(TaskState.ERROR, message));
    }

    /** @return this behaviour followed by {@code state} at once */
    public TaskBehaviour then(TaskState state, String message) {
        return then(Step.of(state, message));
    }

    /** @return this behaviour followed by {@code state}, {@code delay} after the previous step */
    public TaskBehaviour thenAfter(Duration delay, TaskState state, String message) {
        return then(Step.of(state, message).after(delay));
    }

    /** @return this behaviour followed by {@code step} */
    public TaskBehaviour then(Step step) {
        List<Step> more = new ArrayList<>(steps);
        more.add(step);
        return new TaskBehaviour(more);
    }
}
