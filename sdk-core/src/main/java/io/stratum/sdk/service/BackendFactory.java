package io.stratum.sdk.service;

import io.stratum.sdk.backend.ArtifactStore;
import io.stratum.sdk.backend.ClusterBackend;
import io.stratum.sdk.spec.ServiceSpec;

/**
 * Creates the backend a service runs on: the local agents by default, a Mesos master with
 * {@link RunOptions#mesos()}, or one of the framework's own ({@link Service.Builder#backend}). In
 * two steps, so that bad options are refused before anything starts: {@link #prepare} checks the
 * options and returns what {@link Prepared#create} later builds: once, and again each time the
 * service's scheduler leads again after it lost its lock (the previous backend closed first).
 */
@FunctionalInterface
public interface BackendFactory {

    /**
     * Checks {@code options} against {@code spec} and prepares the backend; starts nothing.
     *
     * @throws RunOptions.InvalidOptionException naming the option at fault
     */
    Prepared prepare(ServiceSpec spec, RunOptions options);

    /** A backend checked and ready to be created. */
    @FunctionalInterface
    interface Prepared {
        /**
         * Creates the backend (it starts delivering events only once the scheduler starts it).
         *
         * @param artifacts files the backend may publish for its tasks to fetch from the API
         *                  (config files on Mesos)
         */
        ClusterBackend create(ArtifactStore artifacts) throws Exception;
    }
}
