package io.stratum.sdk.internal.plan;

/**
 * A task's progress as a step sees it; the scheduler maps the task's status, checks and goal to
 * one of these.
 *
 * <ul>
 *   <li>{@link #STARTING}: launched, not yet running.</li>
 *   <li>{@link #RUNNING}: running, its goal not yet reached (a RUNNING-goal task whose readiness
 *       check has not passed).</li>
 *   <li>{@link #DONE}: its goal reached: running and ready (or running without a readiness
 *       check) for goal RUNNING, exited 0 for goals FINISH and ONCE.</li>
 *   <li>{@link #FAILED}: it ended before reaching its goal (failed, killed, lost, error).</li>
 *   <li>{@link #DROPPED}: the cluster never started it (the launch never reached an agent, or the
 *       scheduler died before it did): launched again, but not counted as a failure of the task,
 *       so no backoff grows from a scheduler's own crashes.</li>
 * </ul>
 */
public enum TaskProgress {
    STARTING, RUNNING, DONE, FAILED, DROPPED;

    /** @return whether the launch is over without reaching the goal: the step launches again */
    public boolean isEnd() {
        return this == FAILED || this == DROPPED;
    }
}
