package io.stratum.sdk.service;

import io.stratum.sdk.backend.ArtifactStore;
import io.stratum.sdk.backend.ClusterBackend;
import io.stratum.sdk.backend.mesos.MesosBackend;
import io.stratum.sdk.backend.mesos.MesosBackendBuilder;
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
 * ({@link Service.Builder#mesos}), then the run flags ({@code --mesos-failover-timeout}).
 */
public final class MesosBackends {
    private MesosBackends() {}

    /** @return a factory of Mesos backends on {@link RunOptions#mesos()} */
    public static BackendFactory factory() {
        return factory(builder -> { });
    }

    /** @return a factory of Mesos backends on {@link RunOptions#mesos()}, adjusted by {@code settings} */
    public static BackendFactory factory(Consumer<MesosBackendBuilder> settings) {
        Objects.requireNonNull(settings, "settings");
        return new BackendFactory() {
            @Override
            public ClusterBackend create(ServiceSpec spec, RunOptions options) {
                return configured(spec, options, settings).build();
            }

            @Override
            public ClusterBackend create(ServiceSpec spec, RunOptions options, ArtifactStore artifacts) {
                return configured(spec, options, settings).withArtifacts(artifacts).build();
            }
        };
    }

    private static MesosBackendBuilder configured(ServiceSpec spec, RunOptions options, Consumer<MesosBackendBuilder> settings) {
        MesosBackendBuilder builder = builder(spec, master(options));
        settings.accept(builder);
        if (options.mesosFailoverTimeout() != null) {
            builder.withFailoverTimeout(options.mesosFailoverTimeout());
        }
        return builder;
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

    private static String master(RunOptions options) {
        if (options.mesos() == null) {
            throw new IllegalArgumentException("--mesos: no Mesos master given (http://HOST:5050 or zk://HOST:2181/mesos)");
        }
        return options.mesos();
    }

    private static Set<String> preReservedRoles(ServiceSpec spec) {
        return spec.pods().values().stream().map(PodSpec::preReservedRole).filter(Objects::nonNull)
                .filter(role -> !"*".equals(role)).collect(Collectors.toSet());
    }
}
