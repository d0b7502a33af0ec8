package io.stratum.sdk.service;

import io.stratum.sdk.backend.mesos.MesosBackend;
import io.stratum.sdk.internal.scheduler.SchedulerBuilder;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.spec.ServiceSpec;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The {@link BackendFactory} for {@code --mesos}: a {@link MesosBackend} subscribing as the service
 * (framework name = service name), with the role and principal the offer evaluator reserves with,
 * the spec's scheduler user (when given) as the user tasks run as, each pod's pre-reserved role,
 * and the API's artifact store for config files; then the framework's own settings
 * ({@link Service.Builder#mesos}), then {@link RunOptions#mesosFailoverTimeout()}.
 */
final class MesosBackends {
    private MesosBackends() {}

    /** @return a factory of Mesos backends on {@link RunOptions#mesos()}, adjusted by {@code settings} */
    static BackendFactory factory(Consumer<MesosBackend.Builder> settings) {
        Objects.requireNonNull(settings, "settings");
        return (spec, options) -> {
            if (options.mesos() == null) {
                throw new RunOptions.InvalidOptionException("mesos",
                        "no Mesos master given (http://HOST:5050 or zk://HOST:2181/mesos)");
            }
            MesosBackend.Builder builder;
            try {
                builder = builder(spec, options.mesos());
            } catch (IllegalArgumentException e) { // the address is checked when the builder is made
                throw new RunOptions.InvalidOptionException("mesos", e.getMessage());
            }
            settings.accept(builder);
            if (options.mesosFailoverTimeout() != null) {
                builder.withFailoverTimeout(options.mesosFailoverTimeout());
            }
            return artifacts -> {
                try {
                    return builder.withArtifacts(artifacts).build();
                } catch (IllegalArgumentException e) {
                    throw new RunOptions.InvalidOptionException("mesos", e.getMessage());
                }
            };
        };
    }

    /** @return a builder for {@code spec} on {@code master}, to adjust before building */
    static MesosBackend.Builder builder(ServiceSpec spec, String master) {
        MesosBackend.Builder builder = MesosBackend.builder(master).withFrameworkName(spec.name())
                .withRole(SchedulerBuilder.role(spec)).withPrincipal(SchedulerBuilder.principal(spec))
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
