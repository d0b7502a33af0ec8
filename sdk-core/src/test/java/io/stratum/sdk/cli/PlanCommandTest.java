package io.stratum.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.internal.http.ApiServer;
import io.stratum.sdk.internal.http.PlanRegistry;
import io.stratum.sdk.internal.http.PlansResource;
import io.stratum.sdk.internal.plan.Plan;
import io.stratum.sdk.internal.plan.PlanFactory;
import io.stratum.sdk.plan.Status;
import io.stratum.sdk.spec.SpecLoader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlanCommandTest {
    private Map<String, Plan> plans;
    private ApiServer server;
    private String api;

    @BeforeEach
    void startApi() throws Exception {
        plans = PlanFactory.plans(SpecLoader.builder().build().load("svc.yml", """
                name: svc
                pods:
                  hello:
                    count: 2
                    tasks:
                      server: {cmd: run, cpus: 0.1, memory: 32}
                plans:
                  deploy:
                    phases:
                      hello-deploy: {pod: hello, strategy: serial-canary}
                  sidecar:
                    phases:
                      side: {pod: hello}
                """, Path.of(".")));
        PlanRegistry registry = new PlanRegistry() {
            @Override
            public Map<String, Plan> plans() {
                return plans;
            }

            @Override
            public void changed(Plan plan) {}
        };
        server = new PlansResource(registry).register(ApiServer.builder().withToken("tok")).build().start();
        api = server.uri().toString();
    }

    @AfterEach
    void stopApi() {
        server.close();
    }

    @Test
    void listAndShowPrintPlansPhasesAndSteps() {
        assertThat(CliRun.of("plan", "list", "--api", api).out().lines()).containsExactly("deploy", "sidecar");

        CliRun show = CliRun.of("plan", "show", "--api", api);
        assertThat(show.exitCode()).isZero();
        assertThat(show.out().lines()).containsExactly(
                "deploy (serial) WAITING",
                "  hello-deploy (serial-canary) WAITING",
                "    hello-0:[server] PENDING",
                "    hello-1:[server] PENDING");
    }

    @Test
    void continueApprovesTheCanaryThroughTheApiWithTheToken() {
        CliRun run = CliRun.of("plan", "continue", "deploy", "--phase", "hello-deploy", "--api", api, "--api-token", "tok");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Received cmd: continue");
        assertThat(plans.get("deploy").status()).isEqualTo(Status.PENDING);
    }

    @Test
    void startSendsParameters() {
        CliRun run = CliRun.of("plan", "start", "sidecar", "-p", "MODE=full", "--api", api, "--api-token", "tok");

        assertThat(run.exitCode()).isZero();
        assertThat(plans.get("sidecar").parameters()).containsEntry("MODE", "full");
    }

    @Test
    void refusedRequestsExitTwoWithTheApisMessageAndParameter() {
        CliRun unknown = CliRun.of("plan", "show", "nope", "--api", api);
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("API answered 404: plan: no plan 'nope'");

        CliRun noToken = CliRun.of("plan", "stop", "deploy", "--api", api);
        assertThat(noToken.exitCode()).isEqualTo(2);
        assertThat(noToken.err()).contains("API answered 401: Authorization:");

        CliRun stepWithoutPhase = CliRun.of("plan", "restart", "deploy", "--step", "x", "--api", api);
        assertThat(stepWithoutPhase.exitCode()).isEqualTo(2);
        assertThat(stepWithoutPhase.err()).contains("--step needs --phase");
    }

    @Test
    void anUnreachableApiIsReportedInOneLine() {
        CliRun run = CliRun.of("plan", "list", "--api", "http://127.0.0.1:1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("cannot reach the API at http://127.0.0.1:1").doesNotContain("Exception");
    }

    @Test
    void aMalformedApiUrlIsBadInput() {
        CliRun run = CliRun.of("plan", "list", "--api", "not a url");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--api:");
    }
}
