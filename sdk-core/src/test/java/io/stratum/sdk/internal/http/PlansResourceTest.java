package io.stratum.sdk.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.internal.plan.Plan;
import io.stratum.sdk.internal.plan.PlanFactory;
import io.stratum.sdk.plan.Status;
import io.stratum.sdk.spec.SpecLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlansResourceTest {
    private Map<String, Plan> plans;
    private final List<String> changed = new ArrayList<>();

    @BeforeEach
    void plans() throws Exception {
        plans = PlanFactory.plans(SpecLoader.builder().build().load("svc.yml", """
                name: svc
                pods:
                  hello:
                    count: 2
                    tasks:
                      server: {cmd: run, cpus: 0.1, memory: 32}
                      backup: {cmd: run, cpus: 0.1, memory: 32, goal: FINISH}
                plans:
                  deploy:
                    phases:
                      hello-deploy: {pod: hello, strategy: serial, steps: [{default: [[server]]}]}
                  backup:
                    phases:
                      run: {pod: hello, steps: [{default: [[backup]]}]}
                """, Path.of(".")));
    }

    private HttpFixture http() throws Exception {
        PlanRegistry registry = new PlanRegistry() {
            @Override
            public Map<String, Plan> plans() {
                return plans;
            }

            @Override
            public void changed(Plan plan) {
                changed.add(plan.name());
            }
        };
        return new HttpFixture(new PlansResource(registry).register(ApiServer.builder()));
    }

    @Test
    void listsPlansAndShowsTheDeployPlanInTheDcosShape() throws Exception {
        try (HttpFixture http = http()) {
            assertThat(http.get("/v1/plans").json().toString()).isEqualTo("[\"deploy\",\"backup\"]");

            var deploy = http.get("/v1/plans/deploy");
            assertThat(deploy.status()).isEqualTo(202);
            assertThat(deploy.json().path("status").asText()).isEqualTo("PENDING");
            assertThat(deploy.json().path("phases").get(0).path("name").asText()).isEqualTo("hello-deploy");
            assertThat(deploy.json().path("phases").get(0).path("steps").get(0).path("status").asText()).isEqualTo("PENDING");
            assertThat(deploy.json().path("phases").get(0).path("steps").get(1).path("name").asText())
                    .isEqualTo("hello-1:[server]");
        }
    }

    @Test
    void aCompletePlanAnswers200AndAPlanWithErrors417() throws Exception {
        try (HttpFixture http = http()) {
            plans.get("deploy").forceComplete();
            assertThat(http.get("/v1/plans/deploy").status()).isEqualTo(200);
            plans.get("deploy").setErrors(List.of("pods.hello.count: cannot shrink"));
            var reply = http.get("/v1/plans/deploy");
            assertThat(reply.status()).isEqualTo(417);
            assertThat(reply.json().path("errors").get(0).asText()).isEqualTo("pods.hello.count: cannot shrink");
        }
    }

    @Test
    void startPassesParametersAndNotifiesTheScheduler() throws Exception {
        try (HttpFixture http = http()) {
            var reply = http.post("/v1/plans/backup/start", "{\"TARGET\": \"s3://b\"}");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().path("message").asText()).isEqualTo("Received cmd: start");
            assertThat(plans.get("backup").parameters()).containsEntry("TARGET", "s3://b");
            assertThat(plans.get("backup").status()).isEqualTo(Status.PENDING);
            assertThat(changed).containsExactly("backup");
        }
    }

    @Test
    void interruptAndContinueWorkOnAPhaseOrTheWholePlan() throws Exception {
        try (HttpFixture http = http()) {
            http.post("/v1/plans/deploy/interrupt?phase=hello-deploy", null);
            assertThat(plans.get("deploy").phase("hello-deploy").orElseThrow().status()).isEqualTo(Status.WAITING);

            http.post("/v1/plans/deploy/continue?phase=hello-deploy", null);
            assertThat(plans.get("deploy").status()).isEqualTo(Status.PENDING);
        }
    }

    @Test
    void forceCompleteAndRestartTargetOneStepByNameOrId() throws Exception {
        try (HttpFixture http = http()) {
            var step = plans.get("deploy").steps().get(0);
            http.post("/v1/plans/deploy/forceComplete?phase=hello-deploy&step=hello-0:%5Bserver%5D", null);
            assertThat(step.status()).isEqualTo(Status.COMPLETE);

            http.post("/v1/plans/deploy/restart?phase=hello-deploy&step=" + step.id(), null);
            assertThat(step.status()).isEqualTo(Status.PENDING);
        }
    }

    @Test
    void unknownPlanPhaseOrStepAre404sNamingTheParameter() throws Exception {
        try (HttpFixture http = http()) {
            var plan = http.get("/v1/plans/nope");
            assertThat(plan.status()).isEqualTo(404);
            assertThat(plan.json().path("parameter").asText()).isEqualTo("plan");
            assertThat(plan.json().path("error").asText()).isEqualTo("no plan 'nope'; plans: deploy, backup");

            var phase = http.post("/v1/plans/deploy/continue?phase=nope", null);
            assertThat(phase.json().path("parameter").asText()).isEqualTo("phase");

            var step = http.post("/v1/plans/deploy/forceComplete?phase=hello-deploy&step=nope", null);
            assertThat(step.status()).isEqualTo(404);
            assertThat(step.json().path("parameter").asText()).isEqualTo("step");

            var stepWithoutPhase = http.post("/v1/plans/deploy/restart?step=x", null);
            assertThat(stepWithoutPhase.status()).isEqualTo(400);
            assertThat(stepWithoutPhase.json().path("parameter").asText()).isEqualTo("phase");
            assertThat(changed).isEmpty();
        }
    }
}
