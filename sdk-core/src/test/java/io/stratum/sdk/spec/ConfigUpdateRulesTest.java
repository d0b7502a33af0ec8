package io.stratum.sdk.spec;

import io.stratum.sdk.internal.spec.SpecDiff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigUpdateRulesTest {
    private static final String BASE = """
            name: svc
            scheduler: {principal: svc-principal, user: nobody}
            pods:
              data:
                count: 3
                placement: hostname:UNIQUE
                user: nobody
                tasks:
                  node:
                    cmd: run
                    cpus: 1
                    memory: 512
                    volume: {path: data, type: ROOT, size: 1024}
              web:
                count: 2
                allow-decommission: true
                tasks:
                  server: {cmd: serve, cpus: 0.5, memory: 256}
            """;

    private static ServiceSpec spec(String yaml) throws SpecException {
        return SpecLoader.builder().build().load("svc.yml", yaml, Path.of("."));
    }

    private static List<String> violations(String proposed) throws SpecException {
        return ConfigUpdateRules.builtIn().validate(spec(BASE), spec(proposed)).stream()
                .map(v -> v.path() + ": " + v.message()).toList();
    }

    @Test
    void anUnchangedSpecOrGrownResourcesAreAllowed() throws SpecException {
        assertThat(violations(BASE)).isEmpty();
        assertThat(violations(BASE.replace("memory: 512", "memory: 2048").replace("count: 3", "count: 5"))).isEmpty();
    }

    @Test
    void aPodCannotShrinkWithoutAllowDecommissionButAnotherThatAllowsItMay() throws SpecException {
        assertThat(violations(BASE.replace("count: 3", "count: 2")))
                .containsExactly("pods.data.count: cannot shrink from 3 to 2 without allow-decommission: true");
        assertThat(violations(BASE.replace("count: 2", "count: 1"))).isEmpty();
    }

    @Test
    void volumesCannotChangeBeAddedOrRemoved() throws SpecException {
        assertThat(violations(BASE.replace("size: 1024", "size: 2048"))).containsExactly(
                "pods.data.tasks.node.volumes.data: volumes cannot change: volume 'data' changed from "
                        + "ROOT 1024 MB at 'data' to ROOT 2048 MB at 'data'");
        assertThat(violations(BASE.replace("server: {cmd: serve, cpus: 0.5, memory: 256}",
                "server: {cmd: serve, cpus: 0.5, memory: 256, volume: {path: v, type: ROOT, size: 1}}")))
                .containsExactly("pods.web.tasks.server.volumes.v: volumes cannot change: volume 'v' was added to an existing pod");
    }

    @Test
    void userPrincipalAndNameCannotChange() throws SpecException {
        assertThat(violations(BASE.replace("user: nobody}", "user: root}").replace("name: svc", "name: other")))
                .containsExactly("name: cannot change from 'svc' to 'other'",
                        "scheduler.user: cannot change from 'nobody' to 'root'");
        assertThat(violations(BASE.replace("    user: nobody\n", "    user: admin\n")))
                .containsExactly("pods.data.user: cannot change from 'nobody' to 'admin'");
    }

    @Test
    void aPodWithoutAllowDecommissionCannotBeRemoved() throws SpecException {
        String withoutWeb = BASE.substring(0, BASE.indexOf("  web:"));
        String withoutData = BASE.replace(BASE.substring(BASE.indexOf("  data:"), BASE.indexOf("  web:")), "");

        assertThat(violations(withoutWeb)).isEmpty();
        assertThat(violations(withoutData))
                .containsExactly("pods.data: pod 'data' cannot be removed: it does not set allow-decommission: true");
    }

    @Test
    void extraValidatorsRunAfterTheBuiltInRules() throws SpecException {
        ConfigValidator noPlacementChange = (current, proposed) -> current.pod("data").placement()
                .equals(proposed.pod("data").placement()) ? List.of()
                : List.of(new SpecRule.Violation("pods.data.placement", "placement is frozen"));

        var out = ConfigUpdateRules.withExtra(List.of(noPlacementChange))
                .validate(spec(BASE), spec(BASE.replace("hostname:UNIQUE", "hostname:CLUSTER:a")));

        assertThat(out).containsExactly(new SpecRule.Violation("pods.data.placement", "placement is frozen"));
    }

    @Test
    void theTasksRunBeforeDecommissionMayChangeWithoutRollingThePod() throws SpecException {
        String withTasks = BASE.replace("server: {cmd: serve, cpus: 0.5, memory: 256}",
                "server: {cmd: serve, cpus: 0.5, memory: 256}\n      drain: {cmd: drain, cpus: 0.1, memory: 32, goal: ONCE}"
                        + "\n      flush: {cmd: flush, cpus: 0.1, memory: 32, goal: FINISH}");
        String before = withTasks.replace("allow-decommission: true",
                "allow-decommission: true\n    before-decommission: [drain]");
        String after = before.replace("before-decommission: [drain]", "before-decommission: [flush, drain]");

        assertThat(ConfigUpdateRules.builtIn().validate(spec(before), spec(after))).isEmpty();
        assertThat(ConfigUpdateRules.builtIn().validate(spec(after), spec(withTasks))).isEmpty();
        assertThat(SpecDiff.changedPods(spec(before), spec(after))).isEmpty();
    }

    @Test
    void onlyPodsWhoseRuntimeSpecChangedAreRolledAndPlacementOnlyChangesMoveNothing() throws SpecException {
        ServiceSpec base = spec(BASE);

        assertThat(SpecDiff.changedPods(base, spec(BASE.replace("hostname:UNIQUE", "hostname:CLUSTER:a")))).isEmpty();
        assertThat(SpecDiff.changedPods(base, spec(BASE.replace("count: 3", "count: 4")))).isEmpty();
        assertThat(SpecDiff.changedPods(base, spec(BASE.replace("cmd: serve", "cmd: serve --v2")))).containsExactly("web");
    }
}
