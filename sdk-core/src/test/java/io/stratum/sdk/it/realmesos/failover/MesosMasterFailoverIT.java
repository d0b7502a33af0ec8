package io.stratum.sdk.it.realmesos.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratum.sdk.backend.mesos.MesosBackend;
import io.stratum.sdk.it.ServiceApi;
import io.stratum.sdk.it.realmesos.RealMesos;
import io.stratum.sdk.it.realmesos.RealMesosHa;
import io.stratum.sdk.service.RunOptions;
import io.stratum.sdk.service.Service;
import io.stratum.sdk.service.ServiceRuntime;
import io.stratum.sdk.spec.ServiceSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code mesos} backend against three real masters electing a leader in ZooKeeper, with
 * framework authentication on (issue 11): a {@code zk://} address finds the leader and the
 * service subscribes with credentials given in code; when the leading master is killed, the
 * service re-subscribes at the new leader with its framework id, its running task adopted, not
 * relaunched, and acts through it (a killed task is relaunched on its volume); a service given a
 * standby's address with credentials in the URL is redirected to the leader. Prints
 * {@code mesos-master-failover}.
 */
class MesosMasterFailoverIT {
    @RegisterExtension
    static final RealMesosHa MESOS = new RealMesosHa();

    @TempDir
    Path dir;

    @Test
    void zkDetectionMasterFailoverAndAStandbysRedirect() throws Exception {
        try (Running failover = run("failover", MESOS.zkUrl(), b -> b.withCredentials(RealMesosHa.PRINCIPAL, RealMesosHa.SECRET))) {
            ServiceApi api = failover.api();
            int first = MESOS.leader();
            assertThat(MESOS.framework(first, "failover").path("active").asBoolean()).as("subscribed at the leader").isTrue();
            ServiceApi.Task task = api.task("store-0");
            Path launches = launches();
            assertThat(RealMesos.read(launches)).isEqualTo(task.id() + "\n");

            long killed = System.nanoTime();
            MESOS.killMaster(first);
            int second = await("another master leads and the service is subscribed there").atMost(RealMesos.WAIT)
                    .pollInterval(RealMesos.POLL).ignoreExceptions().until(MESOS::leader,
                            leader -> leader != first && MESOS.framework(leader, "failover").path("active").asBoolean());
            System.out.printf("FIGURE mesos-master-failover (leader kill -9 to re-subscribed at the new leader): %.2f s%n",
                    (System.nanoTime() - killed) / 1e9);
            await("the agent re-registered with its task").atMost(RealMesos.WAIT).pollInterval(RealMesos.POLL)
                    .ignoreExceptions().until(() -> MESOS.framework(second, "failover").path("tasks").size() == 1);
            assertThat(MESOS.framework(second, "failover").path("id").asText()).as("the same framework id")
                    .isEqualTo(failover.frameworkId());
            assertThat(api.task("store-0").id()).as("adopted, not relaunched").isEqualTo(task.id());
            assertThat(RealMesos.read(launches)).isEqualTo(task.id() + "\n");

            long pid = Long.parseLong(RealMesos.read(launches.resolveSibling("pid")).strip());
            ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no task process " + pid)).destroyForcibly();
            ServiceApi.Task relaunched = await("store-0 relaunched through the new leader").atMost(RealMesos.WAIT)
                    .pollInterval(RealMesos.POLL).ignoreExceptions().until(() -> api.task("store-0"),
                            t -> !t.id().equals(task.id()) && t.state().equals("RUNNING"));
            await("the relaunch wrote into the same volume").atMost(RealMesos.WAIT).pollInterval(RealMesos.POLL)
                    .until(() -> RealMesos.read(launches).equals(task.id() + "\n" + relaunched.id() + "\n"));

            MESOS.restartMaster(first);
            await("the restarted master answers as a standby").atMost(RealMesos.WAIT).pollInterval(RealMesos.POLL)
                    .ignoreExceptions().until(() -> MESOS.isStandby(first) && MESOS.leader() == second);
            String standby = MESOS.master(first).toString().replace("http://",
                    "http://" + RealMesosHa.PRINCIPAL + ":" + RealMesosHa.SECRET + "@");
            try (Running redirected = run("redirected", standby, b -> {})) {
                assertThat(MESOS.framework(second, "redirected").path("active").asBoolean()).as("subscribed at the leader")
                        .isTrue();
                assertThat(redirected.api().task("store-0").state()).isEqualTo("RUNNING");
            }
        }
    }

    /** @return the {@code launches} file of the only volume on the agent */
    private static Path launches() throws Exception {
        try (var files = Files.walk(MESOS.agentWorkDir().resolve("volumes"))) {
            return files.filter(p -> p.getFileName().toString().equals("launches")).findFirst().orElseThrow();
        }
    }

    private record Running(ServiceRuntime runtime, ServiceApi api, StringWriter output) implements AutoCloseable {
        String frameworkId() {
            return api.get("/v1/state/frameworkId").body().path("frameworkId").asText();
        }

        @Override
        public void close() {
            runtime.close();
            System.out.println(output);
        }
    }

    /** Runs a one-pod service named {@code name} on {@code master} and waits for its deploy to be COMPLETE. */
    private Running run(String name, String master, Consumer<MesosBackend.Builder> mesos) throws Exception {
        Path spec = Files.writeString(dir.resolve(name + ".yml"), "name: " + name + "\nscheduler:\n  principal: "
                + RealMesosHa.PRINCIPAL + "\npods:\n" + RealMesos.STORE_POD);
        StringWriter output = new StringWriter();
        ServiceRuntime runtime = Service.builder(ServiceSpec.load(spec, Map.of())).mesos(mesos).build()
                .start(RunOptions.builder(dir.resolve(name)).withApiPort(0).withMesos(master).build(),
                        new PrintWriter(output, true));
        try {
            ServiceApi api = new ServiceApi(runtime.apiUrl());
            await(name + " deploy COMPLETE").atMost(RealMesos.WAIT).pollInterval(RealMesos.POLL).until(api::deployComplete);
            return new Running(runtime, api, output);
        } catch (RuntimeException | Error e) {
            runtime.close();
            System.out.println(output);
            throw e;
        }
    }
}
