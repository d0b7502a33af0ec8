package io.stratum.sdk.backend;

/**
 * The state of a launched task, as the backend last reported it. Backends map their own states
 * onto these; the names follow the common lifecycle of cluster managers.
 */
public enum TaskState {
    /** Accepted by the backend, not yet on its agent. */
    STAGING,
    /** On its agent, starting. */
    STARTING,
    /** Its command runs. */
    RUNNING,
    /** Being killed, within its grace period. */
    KILLING,
    /** Exited with status 0. Terminal. */
    FINISHED,
    /** Exited with a non-zero status. Terminal. */
    FAILED,
    /** Killed on request. Terminal. */
    KILLED,
    /** Lost with its agent, or otherwise unaccounted for. Terminal. */
    LOST,
    /** Could not be launched: an invalid request. Terminal. */
    ERROR,
    /** Dropped by the backend before it started. Terminal. */
    DROPPED,
    /** Its agent is unreachable; the task may come back. */
    UNREACHABLE,
    /** Gone for good with its agent. Terminal. */
    GONE,
    /** The backend does not know the task (reconciliation found nothing). */
    UNKNOWN;

    /** @return whether the task will never run again in this launch */
    public boolean isTerminal() {
        return switch (this) {
            case FINISHED, FAILED, KILLED, LOST, ERROR, DROPPED, GONE -> true;
            default -> false;
        };
    }
}
