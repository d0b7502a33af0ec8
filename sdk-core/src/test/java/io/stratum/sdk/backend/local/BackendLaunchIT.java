package io.stratum.sdk.backend.local;

import static io.stratum.sdk.backend.local.LocalFixtures.read;
import static io.stratum.sdk.backend.local.BackendFixtures.taskId;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.internal.offer.EvaluationResult;
import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.internal.offer.PodRequest;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.backend.CheckState;
import io.stratum.sdk.backend.TaskState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A pod placed by the real offer evaluator on the backend's offers, launched as a real process. */
class BackendLaunchIT {
    private static final String SPEC = """
            name: svc
            pods:
              web:
                count: 1
                tasks:
                  server:
                    goal: RUNNING
                    cmd: env > env.out && touch ready && exec sleep 1000
                    cpus: 0.1
                    memory: 32
                    env:
                      GREETING: hello
                    ports:
                      http:
                        port: 0
                        env-key: WEB_PORT
                    configs:
                      app:
                        template: app.conf.mustache
                        dest: conf/app.conf
                    readiness-check:
                      cmd: test -f ready
                      interval: 1
                      delay: 0
                      timeout: 2
            """;
    private static final String TEMPLATE = "name={{TASK_NAME}}\nport={{PORT_HTTP}}\nhost={{STRATUM_AGENT_ADDRESS}}\n"
            + "greeting={{GREETING}}\n";

    @RegisterExtension
    final BackendFixtures fixtures = new BackendFixtures();

    @Test
    void eachAgentOffersItsResourcesUnderItsOwnAddress() {
        BackendFixtures.Started started = fixtures.start();

        List<Offer> offers = started.events().offers(2);

        assertThat(started.events().registrations).hasSize(1);
        assertThat(offers).extracting(o -> o.agent().id()).containsExactly("local-agent-1", "local-agent-2");
        assertThat(offers).extracting(o -> o.agent().hostname()).containsExactly("127.0.0.2", "127.0.0.3");
        assertThat(offers.get(0).resources()).containsExactly(Resource.scalar(Resource.CPUS, 4),
                Resource.scalar(Resource.MEM, 4096), Resource.scalar(Resource.DISK, 8192),
                Resource.ports(new io.stratum.sdk.resource.Range(21_000, 21_099)),
                fixtures.mountDisks("local-agent-1")[0], fixtures.mountDisks("local-agent-1")[1]);
        assertThat(started.backend().agents()).extracting(a -> a.id()).containsExactly("local-agent-1", "local-agent-2");
    }

    @Test
    void aPodRunsInItsSandboxWithItsEnvironmentAndConfigAndBecomesReady() {
        BackendFixtures.Started started = fixtures.start();
        PodSpec pod = fixtures.pod("web", SPEC, "app.conf.mustache", TEMPLATE);

        EvaluationResult.Success placed = fixtures.launch(started, PodRequest.newInstance(pod, 0), started.events().offers(2));
        String taskId = taskId(placed);
        String agent = placed.offer().agent().id();
        String address = placed.offer().agent().hostname();
        long port = placed.launch().tasks().get(0).ports().get("http");

        started.events().await(taskId, s -> s.state() == TaskState.RUNNING && s.readiness() == CheckState.PASSED);
        assertThat(started.events().states(taskId)).containsExactly(TaskState.STARTING, TaskState.RUNNING);
        Path sandbox = fixtures.sandbox(taskId);
        assertThat(read(sandbox.resolve("env.out")).lines().toList()).contains("TASK_NAME=web-0-server",
                "TASK_ID=" + taskId, "POD_INSTANCE_INDEX=0", "FRAMEWORK_NAME=svc", "STRATUM_AGENT_ADDRESS=" + address,
                "STRATUM_AGENT_ID=" + agent, "HOST=" + address, "PORT_HTTP=" + port, "WEB_PORT=" + port,
                "GREETING=hello", "MESOS_SANDBOX=" + sandbox);
        assertThat(read(sandbox.resolve("conf/app.conf")))
                .isEqualTo("name=web-0-server\nport=" + port + "\nhost=" + address + "\ngreeting=hello\n");
        Map<String, String> info = started.backend().taskInfo(taskId);
        assertThat(info).containsEntry("sandbox", sandbox.toString()).containsEntry("agent", agent)
                .containsEntry("address", address).containsKey("pid");
        assertThat(LocalFixtures.living(Long.parseLong(info.get("pid")))).isTrue();
        assertThat(started.events().threads).hasSize(1);
        assertThat(started.events().overlapped()).isFalse();
    }

    @Test
    void theTasksReservationsAreNotOfferedWhileItRuns() {
        BackendFixtures.Started started = fixtures.start();
        PodSpec pod = fixtures.pod("web", SPEC, "app.conf.mustache", TEMPLATE);

        EvaluationResult.Success placed = fixtures.launch(started, PodRequest.newInstance(pod, 0), started.events().offers(2));
        started.events().await(taskId(placed), TaskState.RUNNING);

        Offer next = started.events().offer(placed.offer().agent().id(), o -> true);
        assertThat(next.resources()).noneMatch(r -> r.reservation().isPresent());
        assertThat(next.resources()).contains(Resource.scalar(Resource.CPUS, 3.9), Resource.scalar(Resource.MEM, 4064));
    }
}
