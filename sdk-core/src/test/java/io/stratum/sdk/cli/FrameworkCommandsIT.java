package io.stratum.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratum.sdk.it.LocalServices;
import io.stratum.sdk.it.ServiceApi;
import io.stratum.sdk.service.RunOptions;
import io.stratum.sdk.service.Service;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.spec.SpecException;
import io.stratum.sdk.spec.SpecLoader;
import io.stratum.sdk.spec.SpecRule;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A framework's {@code update} and {@code uninstall} against its real running service (scheduler,
 * ZooKeeper, task processes): {@code update} renders the spec as {@code run} did (the folder's
 * {@code options.env}, the framework's computed values) and the scheduler runs the framework's own
 * validator on it, refusing one change and accepting another; {@code uninstall} removes the stopped
 * service.
 */
class FrameworkCommandsIT {
    private static final String SPEC = """
            name: my-fw
            pods:
              node:
                count: {{NODE_COUNT}}
                tasks:
                  server:
                    goal: RUNNING
                    cmd: echo {{GREETING}} > greeting && exec sleep 1000
                    cpus: 0.1
                    memory: 32
                    env:
                      MARK: {{MARK}}
            """;

    @RegisterExtension
    final LocalServices services = new LocalServices();

    @TempDir
    Path dir;

    /** The framework: the spec, plus a rule of its own, which only the scheduler runs (on an update). */
    private static Service service(Path file, Map<String, String> env) throws IOException, SpecException {
        return Service.builder(SpecLoader.builder().withEnv(env).build().load(file))
                .configValidator((current, proposed) -> {
                    PodSpec node = proposed.pod("node");
                    return node != null && node.count() > 2
                            ? List.of(new SpecRule.Violation("pods.node.count", "my-fw runs at most 2 nodes, got " + node.count()))
                            : List.of();
                })
                .build();
    }

    @Test
    void updateIsRenderedAsRunAndCheckedByTheFrameworksValidatorThenUninstallRemovesIt() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("my-fw"));
        Path spec = Files.writeString(folder.resolve("svc.yml"), SPEC);
        Files.writeString(folder.resolve("options.env"), "NODE_COUNT=1\nGREETING=v1\n");
        StratumCli.ComputedEnv computed = env -> Map.of("MARK", "computed");
        Path work = dir.resolve("work");
        // what `run` of the folder does: the defaults, then what the framework computes
        LocalServices.Started started = services.start(
                service(spec, Map.of("NODE_COUNT", "1", "GREETING", "v1", "MARK", "computed")),
                RunOptions.builder(work).withApiPort(0).build());
        ServiceApi api = started.api();
        LocalServices.awaitDeployComplete(api);
        String firstTarget = api.get("/v1/configurations/targetId").body().asText();
        String url = api.base().toString();

        CliRun refused = framework(spec, computed, "update", "--api", url, "--env", "NODE_COUNT=3");
        assertThat(refused.exitCode()).as("%s", refused).isEqualTo(StratumCli.BAD_INPUT);
        assertThat(refused.err()).contains("my-fw runs at most 2 nodes, got 3");
        assertThat(api.get("/v1/configurations/targetId").body().asText()).isEqualTo(firstTarget);

        CliRun same = framework(spec, computed, "update", "--api", url);
        assertThat(same.exitCode()).as("%s", same).isZero();
        CliRun accepted = framework(spec, computed, "update", "--api", url, "--env", "GREETING=v2");
        assertThat(accepted.exitCode()).as("%s", accepted).isZero();
        assertThat(accepted.out()).contains("config update accepted");
        String target = api.get("/v1/configurations/target").body().toString();
        assertThat(target).contains("echo v2 > greeting").contains("\"MARK\":\"computed\"").contains("\"count\":1");
        ServiceApi.Task task = await("node-0 relaunched with the new greeting").atMost(LocalServices.WAIT)
                .pollInterval(LocalServices.POLL).ignoreExceptions().until(() -> {
                    ServiceApi.Task t = api.task("node-0");
                    services.track(t.pid());
                    return Files.readString(Path.of(t.sandbox()).resolve("greeting")).equals("v2\n") ? t : null;
                }, t -> t != null);
        assertThat(task.state()).isEqualTo("RUNNING");

        started.close();
        CliRun uninstall = framework(spec, computed, "uninstall", "--work-dir", work.toString());
        assertThat(uninstall.exitCode()).as("%s", uninstall).isZero();
        assertThat(uninstall.out()).contains("my-fw uninstalled");
        assertThat(work).doesNotExist();
    }

    private static CliRun framework(Path spec, StratumCli.ComputedEnv computed, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FrameworkCli.run(spec, FrameworkCommandsIT::service, computed, Map.of(), null, new PrintWriter(out),
                new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
