/**
 * The cluster-side core of the embedded backends: agents, offers and reservations, written once.
 *
 * <p>A {@link ClusterCore} holds the agents, each an
 * {@link AgentLedger} (what it has: unreserved and pre-reserved
 * scalars, port ranges, GPUs, whole MOUNT disks; its dynamic reservations by {@code resource_id}
 * with their persistent volumes; what live tasks hold), and the
 * {@link OfferBook} (offers out, at most one per agent, decline
 * filters with refuse times, rescinds, suppress and revive). {@code ClusterCore.accept} applies the
 * sealed {@link Operation}s of one accept against what is left of the offer,
 * in order, as Mesos does: RESERVE, UNRESERVE, CREATE and DESTROY change the agent's ledger, and a
 * LAUNCH_GROUP claims its resources all or nothing.
 *
 * <p>The backends wrap it: {@code backend.local} keeps each agent's reservations and volumes on
 * disk through an {@link AgentJournal} and starts processes for the
 * launches it is told of; {@code backend.sim} starts scripted tasks and queues events. Both report
 * outcomes through an {@link AcceptListener} and
 * {@link ClusterCore#release release} what a task held when it ends.
 * Nothing here is thread-safe: the backend serialises its calls.
 */
package io.stratum.sdk.internal.cluster;

import io.stratum.sdk.backend.Operation;
