package io.stratum.sdk.it.realmesos.schedulerkill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratum.sdk.it.SchedulerJvm;
import io.stratum.sdk.it.ServiceApi;
import io.stratum.sdk.it.realmesos.RealMesos;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stratum run --mesos} in a JVM of its own, killed with SIGKILL once deployed: the task and
 * its volume live on; the next {@code run} over the same work dir re-subscribes with the same
 * framework id (the master still knows it, inactive, for the failover timeout) and adopts the
 * task: same task id, same process, nothing written again into its volume. Prints
 * {@code mesos-restart-to-complete}.
 */
class MesosSchedulerKillIT {
    private static final String SPEC = """
            name: keeper
            scheduler:
              principal: keeper-principal
            pods:
            """ + RealMesos.STORE_POD;

    @RegisterExtension
    static final RealMesos MESOS = new RealMesos(1);

    @TempDir
    Path dir;

    private SchedulerJvm first;
    private SchedulerJvm second;

    @AfterEach
    void stop() throws Exception {
        for (SchedulerJvm jvm : new SchedulerJvm[] {first, second}) {
            if (jvm != null) {
                jvm.close();
            }
        }
    }

    @Test
    void aKilledSchedulerIsFollowedByOneThatResubscribesAsTheSameFrameworkAndAdoptsTheTask() throws Exception {
        Path spec = Files.writeString(dir.resolve("svc.yml"), SPEC);
        Path workDir = dir.resolve("work");
        first = SchedulerJvm.run(spec, workDir, dir.resolve("first.log"), "--mesos", MESOS.masterUrl());
        ServiceApi api = first.awaitApi();
        await("deploy COMPLETE").atMost(RealMesos.WAIT).pollInterval(RealMesos.POLL).until(api::deployComplete);
        ServiceApi.Task task = api.task("store-0");
        String frameworkId = MESOS.framework("keeper").path("id").asText();
        Path launches = MESOS.volumeFiles("launches").get(0);
        long pid = Long.parseLong(RealMesos.read(launches.resolveSibling("pid")).strip());

        first.kill9();
        MESOS.awaitMaster("the framework inactive, kept for failover", "/frameworks", frameworks -> {
            for (var f : frameworks.path("frameworks")) {
                if (f.path("id").asText().equals(frameworkId)) {
                    return !f.path("active").asBoolean();
                }
            }
            return false;
        });
        assertThat(ProcessHandle.of(pid)).as("the task outlives its scheduler").hasValueSatisfying(
                p -> assertThat(p.isAlive()).isTrue());

        long restarted = System.nanoTime();
        second = SchedulerJvm.run(spec, workDir, dir.resolve("second.log"), "--mesos", MESOS.masterUrl());
        ServiceApi again = second.awaitApi();
        await("deploy COMPLETE again").atMost(RealMesos.WAIT).pollInterval(RealMesos.POLL).until(again::deployComplete);
        MESOS.awaitMaster("the same framework active again", "/frameworks", frameworks -> {
            for (var f : frameworks.path("frameworks")) {
                if (f.path("id").asText().equals(frameworkId)) {
                    return f.path("active").asBoolean();
                }
            }
            return false;
        });
        System.out.printf("FIGURE mesos-restart-to-complete: %.2f s%n", (System.nanoTime() - restarted) / 1e9);

        ServiceApi.Task adopted = again.task("store-0");
        assertThat(adopted.id()).as("adopted, not relaunched").isEqualTo(task.id());
        assertThat(adopted.state()).isEqualTo("RUNNING");
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);
        assertThat(RealMesos.read(launches)).isEqualTo(task.id() + "\n");
        assertThat(MESOS.master("/frameworks").path("frameworks")).as("one framework: ours, not a second one")
                .hasSize(1);
    }
}
