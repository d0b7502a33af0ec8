package io.stratum.sdk.service;

import io.stratum.sdk.backend.mesos.MesosBackend;
import io.stratum.sdk.backend.mesos.MesosBackendBuilder;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.spec.ServiceSpec;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@link BackendFactory} for {@code --mesos}: a {@link MesosBackend} subscribing as the service
 * (framework name = service name), with the role and principal the offer evaluator reserves with,
 * the spec's scheduler user (when given) as the user tasks run as, and each pod's pre-reserved role.
 */
public final class MesosBackends {
    private MesosBackends() {}

    /** @return a factory of Mesos backends for {@link RunOptions#mesos()} */
    public static BackendFactory factory() {
        return (spec, options) -> builder(spec, Objects.requireNonNull(options.mesos(), "no Mesos master given")).build();
    }

    /** @return a builder for {@code spec} on {@code master}, to adjust before building */
    public static MesosBackendBuilder builder(ServiceSpec spec, String master) {
        MesosBackendBuilder builder = MesosBackend.builder(master).withFrameworkName(spec.name())
                .withRole(ServiceRuntime.role(spec)).withPrincipal(ServiceRuntime.principal(spec))
                .withPreReservedRoles(preReservedRoles(spec));
        if (spec.scheduler().user() != null) {
            builder.withUser(spec.scheduler().user());
        }
        return builder;
    }

    private static Set<String> preReservedRoles(ServiceSpec spec) {
        return spec.pods().values().stream().map(PodSpec::preReservedRole).filter(Objects::nonNull)
                .filter(role -> !"*".equals(role)).collect(Collectors.toSet());
    }
}
