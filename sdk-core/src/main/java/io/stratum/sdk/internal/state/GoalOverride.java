package io.stratum.sdk.internal.state;

import java.util.Objects;

/**
 * An operator's override of a pod instance's goal from the spec (a {@code pod pause}, for
 * instance), and how far the scheduler got in applying it. No override stored means the spec's goal
 * applies.
 *
 * @param kind     what the operator asked for
 * @param progress how far it is applied
 */
public record GoalOverride(Kind kind, Progress progress) {

    /** What the operator asked for. */
    public enum Kind {
        /** Run the pod's tasks with a command that idles, keeping their resources (for debugging). */
        PAUSED,
        /** Keep the pod's tasks stopped, keeping their resources. */
        STOPPED,
        /** Remove the pod instance: kill, release its resources, erase its state. */
        DECOMMISSIONED
    }

    /** How far the scheduler got. */
    public enum Progress {
        /** Asked for, not acted on yet. */
        PENDING,
        /** Tasks are being relaunched or killed. */
        IN_PROGRESS,
        /** In effect. */
        COMPLETE
    }

    public GoalOverride {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(progress, "progress");
    }

    /** @return a new, {@link Progress#PENDING} override */
    public static GoalOverride of(Kind kind) {
        return new GoalOverride(kind, Progress.PENDING);
    }

    /** @return this override at {@code newProgress} */
    public GoalOverride withProgress(Progress newProgress) {
        return new GoalOverride(kind, newProgress);
    }
}
