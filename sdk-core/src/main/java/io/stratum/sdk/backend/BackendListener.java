package io.stratum.sdk.backend;

import java.util.List;

/**
 * Receives a backend's events. Called by one backend thread at a time; implementations hand the
 * events to the scheduler's loop and return quickly.
 */
public interface BackendListener {

    /** The backend registered (or re-registered) the framework under {@code frameworkId}. */
    void registered(String frameworkId);

    /** New resource offers. */
    void offers(List<Offer> offers);

    /** An offer is no longer valid. */
    void rescinded(String offerId);

    /** A task's status changed, or a reconciliation answer. */
    void statusUpdate(TaskStatusUpdate update);

    /** An agent and every task on it are gone. */
    void agentLost(String agentId);

    /** The connection to the cluster dropped; the backend reconnects by itself. */
    default void disconnected() {}
}
