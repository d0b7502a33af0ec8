package io.stratum.sdk.service;

import io.stratum.sdk.backend.ArtifactStore;
import io.stratum.sdk.backend.ClusterBackend;
import io.stratum.sdk.spec.ServiceSpec;

/** Creates the backend a service runs on (local by default). */
@FunctionalInterface
public interface BackendFactory {
    ClusterBackend create(ServiceSpec spec, RunOptions options) throws Exception;

    /**
     * Creates the backend of a service whose API serves {@code artifacts}: files the backend may
     * publish for its tasks to fetch (config files on Mesos). By default, {@link #create(ServiceSpec, RunOptions)}.
     */
    default ClusterBackend create(ServiceSpec spec, RunOptions options, ArtifactStore artifacts) throws Exception {
        return create(spec, options);
    }
}
