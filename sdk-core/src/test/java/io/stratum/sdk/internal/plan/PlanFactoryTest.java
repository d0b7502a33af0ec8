package io.stratum.sdk.internal.plan;

import io.stratum.sdk.plan.Status;

import static io.stratum.sdk.internal.plan.PlanFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanFactoryTest {
    @Test
    void withoutDeclaredPlansTheDeployPlanHasOneSerialPhasePerPodAndOneStepPerInstance() {
        Plan deploy = PlanFactory.plans(PlanFixtures.twoPods(3)).get("deploy");

        assertThat(deploy.phases()).extracting(Phase::name).containsExactly("hello", "world");
        assertThat(deploy.phase("hello").orElseThrow().steps()).extracting(Step::name)
                .containsExactly("hello-0:[server]", "hello-1:[server]", "hello-2:[server]");
        assertThat(deploy.phase("world").orElseThrow().steps()).extracting(Step::name)
                .containsExactly("world-0:[server, sidecar]", "world-1:[server, sidecar]");
        assertThat(deploy.status()).isEqualTo(Status.PENDING);
    }

    @Test
    void customStepsGiveOneStepPerTaskGroupAndAnIndexEntryOverridesTheDefault() {
        Plan deploy = PlanFactory.plans(spec("""
                name: svc
                pods:
                  hello:
                    count: 2
                    tasks:
                      first: {cmd: run, cpus: 0.1, memory: 32}
                      second: {cmd: run, cpus: 0.1, memory: 32}
                plans:
                  deploy:
                    phases:
                      p:
                        pod: hello
                        steps:
                          - 1: [[second, first]]
                          - default: [[first], [second]]
                """)).get("deploy");

        assertThat(deploy.steps()).extracting(Step::name)
                .containsExactly("hello-0:[first]", "hello-0:[second]", "hello-1:[second, first]");
    }

    @Test
    void stepIdsAreStableAcrossFactoryRunsSoARestartedSchedulerShowsTheSameIds() {
        Plan first = PlanFactory.plans(PlanFixtures.twoPods(1)).get("deploy");
        Plan second = PlanFactory.plans(PlanFixtures.twoPods(1)).get("deploy");

        assertThat(first.steps()).extracting(Step::id).isEqualTo(second.steps().stream().map(Step::id).toList());
        assertThat(first.id()).isEqualTo(second.id());
    }

    @Test
    void customPlansStartInterruptedAndRunWhenStartedWithParameters() {
        Map<String, Plan> plans = PlanFactory.plans(spec("""
                name: svc
                pods:
                  hello:
                    count: 1
                    tasks:
                      server: {cmd: run, cpus: 0.1, memory: 32}
                      backup: {cmd: run, cpus: 0.1, memory: 32, goal: FINISH}
                plans:
                  deploy:
                    phases:
                      main: {pod: hello, steps: [{default: [[server]]}]}
                  backup:
                    phases:
                      run: {pod: hello, steps: [{default: [[backup]]}]}
                """));
        Plan backup = plans.get("backup");

        assertThat(backup.status()).isEqualTo(Status.WAITING);
        assertThat(backup.candidates(java.util.Set.of(), PlanFixtures.NOW)).isEmpty();

        backup.start(Map.of("TARGET", "s3://bucket"));

        assertThat(backup.parameters()).containsEntry("TARGET", "s3://bucket");
        assertThat(backup.candidates(java.util.Set.of(), PlanFixtures.NOW)).extracting(Step::name)
                .containsExactly("hello-0:[backup]");
        assertThat(backup.steps().get(0).requirement(PlanFixtures.NOW, backup.parameters()).orElseThrow().environment())
                .containsEntry("TARGET", "s3://bucket");
    }
}
