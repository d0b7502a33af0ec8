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
     * One pod type of {@code count} instances of one RUNNING task (1 cpu, 1 GB, a 1 GB ROOT volume,
     * a dynamic port, a readiness check), deployed by one phase with {@code strategy}.
     *
     * @param placement a placement constraint, or empty for none
     */
    static ServiceSpec oneTaskPods(int count, String strategy, String placement) {
        return pods(count, 1, strategy, placement);
    }

    /**
     * One pod type of {@code count} instances of {@code tasks} RUNNING tasks ({@code server-0},
     * {@code server-1}, ...), each as in {@link #oneTaskPods}, launched together by one step per
     * instance in one phase with {@code strategy}.
     */
    static ServiceSpec pods(int count, int tasks, String strategy, String placement) {
        StringBuilder yaml = new StringBuilder("name: bench\npods:\n  " + POD + ":\n    count: " + count + "\n");
        if (!placement.isEmpty()) {
            yaml.append("    placement: ").append(placement).append('\n');
        }
        yaml.append("    tasks:\n");
        for (int t = 0; t < tasks; t++) {
            yaml.append("""
                          %s:
                            cmd: serve
                            cpus: 1
                            memory: 1024
                            volume: {path: data-%d, type: ROOT, size: 1024}
                            ports: {http-%d: {port: 0}}
                            readiness-check: {cmd: ready}
                    """.formatted(tasks == 1 ? "server" : "server-" + t, t, t));
        }
        yaml.append("""
                plans:
                  deploy:
                    phases:
                      %s-deploy: {pod: %s, strategy: %s}
                """.formatted(POD, POD, strategy));
        try {
            return SpecLoader.builder().build().load("svc.yml", yaml.toString(), Path.of("."));
        } catch (SpecException e) {
            throw new IllegalStateException("benchmark spec does not load: " + e.getMessage() + "\n" + yaml, e);
        }
    }
}
