package io.stratum.sdk.service;

import io.stratum.sdk.backend.local.LocalBackend;
import io.stratum.sdk.spec.ServiceSpec;

/** The default {@link BackendFactory}: local agents whose tasks are processes on this machine. */
final class LocalBackends {
    private LocalBackends() {}

    /** @return a factory of local backends under {@code <workDir>/cluster} */
    static BackendFactory factory() {
        return (spec, options) -> {
            LocalBackend.Builder builder = builder(spec, options);
            return artifacts -> builder.build();
        };
    }

    /**
     * @return the builder of the local backend {@code options} describe, checked (nothing built)
     * @throws RunOptions.InvalidOptionException naming {@code preReserved} if the static
     *                                  reservations take more than an agent has
     */
    static LocalBackend.Builder builder(ServiceSpec spec, RunOptions options) {
        LocalResources local = options.local();
        LocalBackend.Builder builder = LocalBackend.builder(options.workDir().resolve("cluster"))
                .withServiceName(spec.name())
                .withAgents(options.agents())
                .withMountDisks(local.mountDisks(), local.mountDiskMb())
                .withGpus(local.gpus());
        if (!local.zones().isEmpty()) {
            builder.withZones(local.region(), local.zones().toArray(String[]::new));
        }
        try {
            for (LocalResources.PreReserved role : local.preReserved()) {
                builder.withPreReservedRole(role.role(), role.cpus(), role.memMb(), role.diskMb());
            }
            return builder.validate();
        } catch (IllegalArgumentException e) {
            throw new RunOptions.InvalidOptionException("preReserved", e.getMessage());
        }
    }
}
