package io.stratum.sdk.placement;

/**
 * What a {@link PlacementRule} says about placing a pod instance on an agent.
 *
 * <p>{@link #EXCLUDE} is a promise that lets the evaluator drop the agent from its candidates for
 * the rest of a placement round: the rule rejects the agent and will keep rejecting it while the
 * agent's attributes stay the same and tasks are only added (never removed) — for example
 * {@code hostname:UNIQUE} once the host runs an instance, or {@code rack:IS:r1} on rack r2. When
 * unsure, answer {@link #REJECT}.
 */
public enum Verdict {
    /** The agent may host the pod instance. */
    ALLOW,
    /** The agent may not host it now, but might after more tasks are placed. */
    REJECT,
    /** The agent may not host it, and will not while tasks are only added. */
    EXCLUDE;

    /** @return {@link #ALLOW} if {@code allowed}, else {@link #REJECT} */
    public static Verdict of(boolean allowed) {
        return allowed ? ALLOW : REJECT;
    }

    /** @return whether this verdict allows placement */
    public boolean allows() {
        return this == ALLOW;
    }
}
