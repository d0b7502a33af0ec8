package io.stratum.sdk.internal.cluster;

import io.stratum.sdk.backend.Operation;
import io.stratum.sdk.backend.TaskLaunch;

/**
 * What a backend does with the operations of one accept as the {@link ClusterCore} applies them, in
 * order: it reports refusals its own way, starts the tasks of launches (processes, or scripted
 * behaviour), and counts what it likes. Called on the caller's thread, during
 * {@link ClusterCore#accept}.
 */
public interface AcceptListener {

    /** @return why this task may not be launched (its id is taken, or unusable here), or null if it may */
    String refusal(TaskLaunch task);

    /** {@code operation} on {@code agent} was refused and changed nothing; a refused launch started none of its tasks. */
    void refused(AgentLedger agent, Operation operation, String reason);

    /** A reserve, unreserve, volume creation or destruction was applied to {@code agent}. */
    void applied(AgentLedger agent, Operation operation);

    /**
     * Every task of {@code launch} now holds its resources on {@code agent}
     * ({@link AgentLedger#reservationsOf}) until {@link ClusterCore#release released}: start them.
     */
    void launched(AgentLedger agent, Operation.Launch launch);
}
