package io.stratum.sdk.internal.scheduler;

import io.stratum.sdk.internal.state.TaskRecord;

/**
 * Labels the scheduler keeps on each task record: where the task runs and on which ports, so
 * discovery ({@code /v1/endpoints}, config templates) works the same on every backend.
 */
public final class TaskLabels {
    /** The agent's hostname (on the local backend, its own loopback address). */
    public static final String HOSTNAME = "hostname";
    /** Prefix of one label per port: {@code port.<name>} holds the port number. */
    public static final String PORT_PREFIX = "port.";
    /**
     * How the launch was placed: {@code new}, {@code in_place} or {@code replace} (the
     * {@link io.stratum.sdk.internal.offer.PodRequest.Kind}, in lower case).
     */
    public static final String PLACEMENT = "placement";
    /**
     * On an in-place launch that reserved or created more on its agent (a resize up, say): the
     * {@code resource_id}s and persistence ids it added, comma-separated. Should the launch never
     * be applied, nobody waits for them.
     */
    public static final String ADDED = "added";
    /**
     * On the records a reserve-only step stores for the tasks whose resources it reserved: {@code true}.
     * Such a record holds the reservations (and the address and ports) and was never launched: its
     * task id was never sent, so it is not live, not reconciled and never killed; the task's first
     * launch replaces it, in place.
     */
    public static final String RESERVATION = "reservation";
    /**
     * Prefix of one label per pod-level volume the launch holds: {@code pod-volume.<volume name>}
     * holds its reservation's {@code resource_id} and its persistence id, separated by a space. A
     * later launch beside this running task (a sidecar) shares that volume: the cluster does not
     * offer it while it is in use.
     */
    public static final String POD_VOLUME_PREFIX = "pod-volume.";
    /**
     * On the records of a pod instance being replaced ({@code pod replace}, or a permanent failure):
     * {@code true}, from the moment the replacement is decided until the replacement's launch
     * replaces the records, so that a scheduler restarted in between still replaces the instance
     * rather than forgetting it. The records keep the old agent's address ({@link #HOSTNAME}).
     */
    public static final String REPLACING = "replacing";
    /**
     * On the records of a pod instance an operator relaunches in place ({@code pod restart},
     * {@code pause}, {@code resume}): {@code true}, from the moment the relaunch is decided until its
     * launch replaces the records, so that a scheduler restarted in between still relaunches the
     * instance (its tasks may have been killed, or not yet) and knows their ends were asked for.
     */
    public static final String RESTARTING = "restarting";
    /**
     * On the records of a replacement's launch: the address of the agent the instance was moved
     * off, as its launch had it in {@code STRATUM_REPLACED_ADDRESS}; should the launch never be
     * applied, the next try of the replacement still knows it.
     */
    public static final String REPLACED = "replaced";

    private TaskLabels() {}

    /** @return whether {@code record} only holds reservations: its task was never launched */
    public static boolean isReservation(TaskRecord record) {
        return "true".equals(record.labels().get(RESERVATION));
    }
}
