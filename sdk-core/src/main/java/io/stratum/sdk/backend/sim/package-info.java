/**
 * The {@code sim} backend: a deterministic, in-memory cluster for unit tests, the framework
 * authors' test harness and benchmarks. {@link SimCluster} is a {@link ClusterBackend} built from
 * {@link SimAgent} descriptions; tasks follow {@link TaskBehaviour} scripts or the default rules;
 * {@link SimTask} is a launched task as tests see it. Time moves only when told
 * ({@link SimCluster#advance}).
 *
 * <p>Agents, offers and reservations are the shared core's ({@code internal.cluster}, the same the
 * {@code local} backend runs on); this package adds what is simulated: scripted task behaviour, the
 * clock, the event queue and what tests inspect. It answers the scheduler as Mesos does:
 * <ul>
 *   <li>An offer holds the agent's unreserved (and pre-reserved) resources that no reservation or
 *       task holds, plus every dynamic reservation no live task uses, with its labels and any
 *       persistent volume on it. One offer per agent is outstanding at a time; sending offers
 *       again rescinds the previous one.</li>
 *   <li>Accepting applies RESERVE, CREATE, LAUNCH_GROUP, UNRESERVE and DESTROY in order against
 *       what is left of the offer; an invalid operation is refused alone (see
 *       {@link SimCluster.OperationError}) and a refused launch reports {@code ERROR} for its
 *       tasks. A launch may also use reservations that live tasks of its own pod instance hold (a
 *       running executor's). Accepting an offer that is no longer valid applies nothing and
 *       reports the launched tasks {@code DROPPED} ("offer no longer valid"), as Mesos does for
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

import io.stratum.sdk.backend.ClusterBackend;
