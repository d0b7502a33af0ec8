package io.stratum.sdk.service;

import io.stratum.sdk.backend.ClusterBackend;
import io.stratum.sdk.spec.ServiceSpec;

/** Creates the backend a service runs on (local by default). */
@FunctionalInterface
public interface BackendFactory {
    ClusterBackend create(ServiceSpec spec, RunOptions options) throws Exception;
}
