/**
 * The {@code sim} backend: a deterministic, in-memory cluster for unit tests, the framework
 * authors' test harness and benchmarks. {@link io.stratum.sdk.backend.sim.SimCluster} is a
 * {@link io.stratum.sdk.backend.ClusterBackend} built from {@link io.stratum.sdk.backend.sim.SimAgent}
 * descriptions; tasks follow {@link io.stratum.sdk.backend.sim.TaskBehaviour} scripts or the
 * default rules; {@link io.stratum.sdk.backend.sim.SimClusterView} answers what the cluster holds;
 * {@link io.stratum.sdk.backend.sim.SimClock} is time that moves only when told.
 *
 * <p>It answers the scheduler as Mesos does:
 * <ul>
 *   <li>An offer holds the agent's unreserved (and pre-reserved) resources that no reservation or
 *       task holds, plus every dynamic reservation no live task uses, with its labels and any
 *       persistent volume on it. One offer per agent is outstanding at a time; sending offers
 *       again rescinds the previous one.</li>
 *   <li>Accepting applies RESERVE, CREATE, LAUNCH_GROUP, UNRESERVE and DESTROY in order against
 *       what is left of the offer; an invalid operation is refused alone (see
 *       {@link io.stratum.sdk.backend.sim.OperationError}) and a refused launch reports
 *       {@code ERROR} for its tasks. Accepting an offer that is no longer valid applies nothing
 *       and reports the launched tasks {@code DROPPED} ("offer no longer valid"), as Mesos does for
 *       partition-aware frameworks.</li>
 *   <li>Status updates from agents (launch, checks, kill, failure) carry an ack id and are
 *       redelivered until acknowledged; those the master makes itself (reconciliation answers,
 *       refused launches, tasks of a lost agent) carry none.</li>
 *   <li>A decline filter holds an agent's offers back for the refuse time, unless resources are
 *       freed on it or the scheduler revives; while suppressed, no offers are sent.</li>
 * </ul>
 *
 * <p>Not modelled: offer timeouts, partial (non-group) launches, shared volumes across groups,
 * Mesos's one-unacknowledged-update-per-task flow control, partition-aware states
 * (UNREACHABLE, GONE).
 */
package io.stratum.sdk.backend.sim;
