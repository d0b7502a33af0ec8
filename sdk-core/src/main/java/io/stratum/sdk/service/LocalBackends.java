package io.stratum.sdk.service;

import io.stratum.sdk.backend.local.LocalBackend;

/** The default {@link BackendFactory}: local agents whose tasks are processes on this machine. */
public final class LocalBackends {
    private LocalBackends() {}

    /** @return a factory of local backends under {@code <workDir>/cluster} */
    public static BackendFactory factory() {
        return (spec, options) -> LocalBackend.builder(options.workDir().resolve("cluster"))
                .withServiceName(spec.name())
                .withAgents(options.agents())
                .build();
    }
}
