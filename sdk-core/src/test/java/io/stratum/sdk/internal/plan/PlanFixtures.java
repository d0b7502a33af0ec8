package io.stratum.sdk.internal.plan;

import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.SpecException;
import io.stratum.sdk.spec.SpecLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** Specs and helpers for plan tests. */
final class PlanFixtures {
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private PlanFixtures() {}

    static ServiceSpec spec(String yaml) {
        try {
            return SpecLoader.builder().build().load("test.yml", yaml, Path.of("."));
        } catch (SpecException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** A spec with pod {@code hello} (count) and pod {@code world} (count 2), and no plans. */
    static ServiceSpec twoPods(int helloCount) {
        return spec("""
                name: svc
                pods:
                  hello:
                    count: %d
                    tasks:
                      server: {cmd: run, cpus: 0.1, memory: 32}
                  world:
                    count: 2
                    tasks:
                      server: {cmd: run, cpus: 0.1, memory: 32}
                      sidecar: {cmd: run, cpus: 0.1, memory: 32, goal: ONCE}
                """.formatted(helloCount));
    }

    /** One phase of {@code count} instances with the given strategy name. */
    static Plan onePhase(String strategy, int count) {
        return PlanFactory.plans(spec("""
                name: svc
                pods:
                  node:
                    count: %d
                    tasks:
                      server: {cmd: run, cpus: 0.1, memory: 32}
                plans:
                  deploy:
                    phases:
                      nodes: {pod: node, strategy: %s}
                """.formatted(count, strategy))).get("deploy");
    }

    /** Launches {@code step} and reports every task DONE. */
    static void complete(Step step) {
        step.prepared();
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        step.tasks().forEach(t -> ids.put(t, step.podInstance().taskName(t) + "__id"));
        step.launched(ids);
        ids.forEach((task, id) -> step.update(task, id, TaskProgress.DONE));
    }
}
