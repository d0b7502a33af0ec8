package io.stratum.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stratum.sdk.internal.http.ApiServer;
import io.stratum.sdk.internal.http.PlanRegistry;
import io.stratum.sdk.internal.http.PlansResource;
import io.stratum.sdk.internal.plan.Plan;
import io.stratum.sdk.internal.plan.PlanFactory;
import io.stratum.sdk.plan.Status;
import io.stratum.sdk.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void theTokenComesFromAFileOrTheEnvironmentAsWellAsTheFlag(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("token"), "tok\n");

        CliRun fromFile = CliRun.of("plan", "continue", "deploy", "--api", api, "--api-token-file", file.toString());
        assertThat(fromFile.exitCode()).as("%s", fromFile).isZero();
        CliRun fromEnv = CliRun.of(Map.of("STRATUM_API_TOKEN", "tok", "STRATUM_API", api), "plan", "interrupt", "deploy");
        assertThat(fromEnv.exitCode()).as("%s", fromEnv).isZero();
        CliRun flagWins = CliRun.of(Map.of("STRATUM_API_TOKEN", "wrong"), "plan", "stop", "deploy", "--api", api,
                "--api-token", "tok");
        assertThat(flagWins.exitCode()).as("%s", flagWins).isZero();

        Files.writeString(file, "wrong");
        CliRun wrong = CliRun.of("plan", "continue", "deploy", "--api", api, "--api-token-file", file.toString());
        assertThat(wrong.exitCode()).isEqualTo(StratumCli.BAD_INPUT);
        assertThat(wrong.err()).contains("API answered 401");
    }

    @Test
    void anUnreadableTokenFileIsRefusedNamingTheFlag(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("token"), "tok");
        assumeTrue(file.toFile().setReadable(false) && !Files.isReadable(file), "the file can be made unreadable (not root)");

        CliRun run = CliRun.of("plan", "continue", "deploy", "--api", api, "--api-token-file", file.toString());

        assertThat(run.exitCode()).isEqualTo(StratumCli.BAD_INPUT);
        assertThat(run.err().lines()).containsExactly("stratum plan continue: --api-token-file: cannot read '" + file
                + "': permission denied (see 'stratum plan continue --help')");
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
