package io.stratum.benchmarks;

import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.SpecLoader;
import io.stratum.sdk.spec.SpecException;
import java.nio.file.Path;

/** Service specs for the scheduler benchmarks, loaded from YAML as a framework author would write them. */
final class BenchServices {
    /** The one pod type of every service here. */
    static final String POD = "node";

    private BenchServices() {
    }

    /**
     * One pod type of {@code count} instances, each one RUNNING task (1 cpu, 1 GB, a 1 GB ROOT
     * volume, a dynamic port, a readiness check), deployed by one phase with {@code strategy}.
     *
     * @param placement a placement constraint, or empty for none
     */
    static ServiceSpec oneTaskPods(int count, String strategy, String placement) {
        String yaml = """
                name: bench
                pods:
                  %s:
                    count: %d
                %s    tasks:
                      server:
                        cmd: serve
                        cpus: 1
                        memory: 1024
                        volume: {path: data, type: ROOT, size: 1024}
                        ports: {http: {port: 0}}
                        readiness-check: {cmd: ready}
                plans:
                  deploy:
                    phases:
                      %s-deploy: {pod: %s, strategy: %s}
                """.formatted(POD, count, placement.isEmpty() ? "" : "    placement: " + placement + "\n", POD, POD,
                strategy);
        try {
            return SpecLoader.builder().build().load("svc.yml", yaml, Path.of("."));
        } catch (SpecException e) {
            throw new IllegalStateException("benchmark spec does not load: " + e.getMessage(), e);
        }
    }
}
