package io.stratum.sdk.it.configupdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratum.sdk.cli.StratumCli;
import io.stratum.sdk.it.LocalServices;
import io.stratum.sdk.it.ServiceApi;
import io.stratum.sdk.internal.spec.SpecJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A config update of a running service with two pod types: {@code stratum update} with a new
 * command for one pod type relaunches only that type's tasks (in place, over their volumes); an
 * update the rules refuse (a volume's size changed) answers 409 with the errors (and {@code stratum
 * update} exits 2), the old target stays with every task untouched, the deploy plan stays COMPLETE,
 * and the refusal is readable as the target's {@code lastRefused}.
 */
class ConfigUpdateIT {
    private static final String SPEC = """
            name: configupdate
            pods:
              alpha:
                count: 2
                tasks:
                  server:
                    goal: RUNNING
                    cmd: echo "v1" >> data/log && exec sleep 100000
                    cpus: 0.1
                    memory: 32
                    volume: {path: data, type: ROOT, size: 16}
              beta:
                count: 1
                tasks:
                  server:
                    goal: RUNNING
                    cmd: echo "beta" >> beta-data/log && exec sleep 100000
                    cpus: 0.1
                    memory: 32
                    volume: {path: beta-data, type: ROOT, size: 16}
            """;
    private static final String[] PODS = {"alpha-0", "alpha-1", "beta-0"};

    @RegisterExtension
    final LocalServices services = new LocalServices();

    @TempDir
    Path dir;

    @Test
    void anUpdateRollsOnlyThePodsThatChangedAndARejectedOneKeepsTheTarget() throws Exception {
        LocalServices.Started service = services.start(LocalServices.load(LocalServices.writeSpec(dir.resolve("v1"), SPEC)),
                dir.resolve("work"));
        ServiceApi api = service.api();
        LocalServices.awaitDeployComplete(api);
        Map<String, ServiceApi.Task> before = runningTasks(api);
        String firstTarget = api.get("/v1/configurations/targetId").body().asText();
        // Deploy COMPLETE means RUNNING, not that the commands wrote "v1" yet: wait for it before
        // the update kills them.
        for (String alpha : new String[] {"alpha-0-server", "alpha-1-server"}) {
            Path log = Path.of(before.get(alpha).sandbox()).resolve("data").resolve("log");
            await().atMost(Duration.ofSeconds(10)).pollInterval(LocalServices.POLL)
                    .untilAsserted(() -> assertThat(log).hasContent("v1"));
        }

        Path changed = LocalServices.writeSpec(dir.resolve("v2"), SPEC.replace("echo \"v1\"", "echo \"v2\""));
        CliRun update = CliRun.of("update", changed.toString(), "--api", api.base().toString());
        assertThat(update.exitCode()).as("stratum update: %s", update).isZero();
        assertThat(update.out()).contains("config update accepted");
        String secondTarget = api.get("/v1/configurations/targetId").body().asText();
        assertThat(secondTarget).isNotEqualTo(firstTarget);

        Map<String, ServiceApi.Task> after = await("alpha relaunched and deploy COMPLETE").atMost(LocalServices.WAIT)
                .pollInterval(LocalServices.POLL).until(() -> api.deployComplete() ? runningTasks(api) : null,
                        tasks -> tasks != null && tasks.get("alpha-0-server").pid() != before.get("alpha-0-server").pid()
                                && tasks.get("alpha-1-server").pid() != before.get("alpha-1-server").pid());
        after.values().forEach(t -> services.track(t.pid()));
        for (String alpha : new String[] {"alpha-0-server", "alpha-1-server"}) {
            assertThat(after.get(alpha).id()).isNotEqualTo(before.get(alpha).id());
            assertThat(after.get(alpha).agent()).as("relaunched in place").isEqualTo(before.get(alpha).agent());
            Path log = Path.of(after.get(alpha).sandbox()).resolve("data").resolve("log");
            await().atMost(Duration.ofSeconds(10)).pollInterval(LocalServices.POLL)
                    .untilAsserted(() -> assertThat(log).hasContent("v1\nv2"));
        }
        assertThat(after.get("beta-0-server")).as("beta did not change, so it was not touched")
                .isEqualTo(before.get("beta-0-server"));

        String resized = SPEC.replace("echo \"v1\"", "echo \"v3\"")
                .replace("{path: beta-data, type: ROOT, size: 16}", "{path: beta-data, type: ROOT, size: 32}");
        ServiceApi.Reply rejected = api.put("/v1/configurations/target",
                SpecJson.toJson(LocalServices.load(LocalServices.writeSpec(dir.resolve("v3"), resized))));
        assertThat(rejected.code()).as("rejected update: %s", rejected.body()).isEqualTo(409);
        assertThat(rejected.body().path("errors")).isNotEmpty();
        assertThat(rejected.body().path("errors").toString()).contains("beta").contains("volume");
        assertThat(api.get("/v1/configurations/targetId").body().asText()).isEqualTo(secondTarget);
        CliRun cliRejected = CliRun.of("update", dir.resolve("v3").resolve("svc.yml").toString(), "--api",
                api.base().toString());
        assertThat(cliRejected.exitCode()).as("stratum update of a refused change: %s", cliRejected).isEqualTo(StratumCli.BAD_INPUT);
        assertThat(cliRejected.err()).contains("volume");

        // A refused update changes nothing users see: the deploy plan stays COMPLETE, the target
        // and the tasks stay, and the refusal is readable from the target's lastRefused.
        ServiceApi.Reply deploy = api.get("/v1/plans/deploy");
        assertThat(deploy.body().path("status").asText()).as("a refusal leaves the plan alone").isEqualTo("COMPLETE");
        assertThat(deploy.body().path("errors")).isEmpty();
        assertThat(api.get("/v1/configurations/target").body().path("lastRefused").path("errors").toString())
                .contains("volume");
        assertThat(api.get("/v1/configurations/targetId").body().asText()).isEqualTo(secondTarget);
        assertThat(runningTasks(api)).isEqualTo(after);
    }

    private Map<String, ServiceApi.Task> runningTasks(ServiceApi api) {
        Map<String, ServiceApi.Task> tasks = api.tasksByName(PODS);
        tasks.values().forEach(t -> services.track(t.pid()));
        return tasks;
    }

    /** One CLI invocation in this JVM. */
    private record CliRun(int exitCode, String out, String err) {
        static CliRun of(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = StratumCli.execute(args, new PrintWriter(out), new PrintWriter(err));
            return new CliRun(code, out.toString(), err.toString());
        }
    }
}
