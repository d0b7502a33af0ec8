package io.stratum.sdk.service;

import io.stratum.sdk.backend.local.LocalBackend;
import io.stratum.sdk.backend.local.LocalBackendBuilder;
import io.stratum.sdk.spec.ServiceSpec;

/** The default {@link BackendFactory}: local agents whose tasks are processes on this machine. */
public final class LocalBackends {
    private LocalBackends() {}

    /** @return a factory of local backends under {@code <workDir>/cluster} */
    public static BackendFactory factory() {
        return (spec, options) -> builder(spec, options).build();
    }

    /**
     * @return the builder of the local backend {@code options} describe, checked (nothing built)
     * @throws IllegalArgumentException naming the flag at fault, e.g. if the {@code --pre-reserved}
     *                                  roles take more than an agent has
     */
    public static LocalBackendBuilder builder(ServiceSpec spec, RunOptions options) {
        LocalResources local = options.local();
        LocalBackendBuilder builder = LocalBackend.builder(options.workDir().resolve("cluster"))
                .withServiceName(spec.name())
                .withAgents(options.agents())
                .withMountDisks(local.mountDisks(), local.mountDiskMb())
                .withGpus(local.gpus());
        try {
            for (LocalResources.PreReserved role : local.preReserved()) {
                builder.withPreReservedRole(role.role(), role.cpus(), role.memMb(), role.diskMb());
            }
            return builder.validate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--pre-reserved: " + e.getMessage(), e);
        }
    }
}
