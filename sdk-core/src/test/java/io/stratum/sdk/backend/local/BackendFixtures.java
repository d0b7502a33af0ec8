package io.stratum.sdk.backend.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.internal.offer.EvaluationResult;
import io.stratum.sdk.internal.offer.OfferEvaluator;
import io.stratum.sdk.internal.offer.PodRequest;
import io.stratum.sdk.internal.process.ProcessGroup;
import io.stratum.sdk.resource.DiskSource;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.spec.SpecException;
import io.stratum.sdk.spec.SpecLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Local backends over a temporary work dir, with a {@link Recorder} each, a real offer evaluator
 * and specs from YAML; a JUnit extension, one per test. After each test it closes the backends,
 * kills every task still running in the work dir (tests leave no process behind) and deletes it.
 */
final class BackendFixtures implements AfterEachCallback {
    static final String ROLE = "svc-role";

    final Path workDir;
    final OfferEvaluator evaluator = OfferEvaluator.builder().withRole(ROLE).withPrincipal("svc-principal").build();
    private final List<LocalBackend> backends = new ArrayList<>();

    /** A started backend and its listener. */
    record Started(LocalBackend backend, Recorder events) {}

    BackendFixtures() {
        try {
            this.workDir = Files.createTempDirectory("stratum-backend-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a builder of two small agents at 127.0.0.2 and .3, offering every 100 ms */
    LocalBackend.Builder builder() {
        return LocalBackend.builder(workDir).withServiceName("svc").withAgents(2).withCpus(4).withMemoryMb(4096)
                .withDiskMb(8192).withPorts(21_000, 21_099).withOfferInterval(Duration.ofMillis(100))
                .withRedeliveryInterval(Duration.ofMillis(500)).withExitPoll(Duration.ofMillis(50));
    }

    Started start() {
        return start(builder());
    }

    /** @return a backend built from {@code builder}, closed after the test */
    LocalBackend build(LocalBackend.Builder builder) {
        LocalBackend backend = builder.build();
        backends.add(backend);
        return backend;
    }

    Started start(LocalBackend.Builder builder) {
        LocalBackend backend = build(builder);
        Recorder events = new Recorder();
        events.backend = backend;
        backend.start(Optional.empty(), events);
        return new Started(backend, events);
    }

    /** @return pod {@code name} of a spec; config templates are written to the work dir first */
    PodSpec pod(String name, String yaml, String... templateNamesAndTexts) {
        try {
            Path specDir = Files.createDirectories(workDir.resolve("spec"));
            for (int i = 0; i + 1 < templateNamesAndTexts.length; i += 2) {
                Files.writeString(specDir.resolve(templateNamesAndTexts[i]), templateNamesAndTexts[i + 1]);
            }
            return SpecLoader.builder().build().load("svc.yml", yaml, specDir).pod(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SpecException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /**
     * @return pod {@code app} of {@code count} instances of one task, {@code main}, with the goal and
     *     command given and {@code more} YAML under the task (checks, say)
     */
    PodSpec pod(int count, String goal, String cmd, String more) {
        String yaml = """
                name: svc
                pods:
                  app:
                    count: %d
                    tasks:
                      main:
                        goal: %s
                        cmd: "%s"
                        cpus: 0.1
                        memory: 32
                %s""".formatted(count, goal, cmd, more.indent(8));
        return pod("app", yaml);
    }

    /** Places a pod instance with the real evaluator on the current offers and accepts the result. */
    EvaluationResult.Success launch(Started started, PodRequest request, List<Offer> offers) {
        EvaluationResult result = evaluator.evaluate(request, offers, List.of());
        assertThat(result).as("evaluation of %s", request.podInstanceName()).isInstanceOf(EvaluationResult.Success.class);
        EvaluationResult.Success success = (EvaluationResult.Success) result;
        started.events().used(success.offer().id());
        started.backend().accept(List.of(success.offer().id()), success.recommendations());
        return success;
    }

    /** @return the id of the only task of a launch */
    static String taskId(EvaluationResult.Success success) {
        return success.launch().tasks().get(0).taskId();
    }

    /** @return the default MOUNT disks of {@code agentId} as its offers show them while free: 2 of 2048 MB */
    Resource[] mountDisks(String agentId) {
        return java.util.stream.IntStream.rangeClosed(1, 2).mapToObj(n -> Resource.mountDisk(2048,
                DiskSource.mount(AgentDirs.of(workDir, agentId).mount("mount-" + n).toString()))).toArray(Resource[]::new);
    }

    /** @return the sandbox of a task on any agent */
    Path sandbox(String taskId) {
        try (Stream<Path> agents = Files.list(workDir.resolve("agents"))) {
            return agents.map(a -> a.resolve("sandboxes").resolve(taskId)).filter(Files::isDirectory).findFirst()
                    .orElseThrow(() -> new AssertionError("no sandbox of " + taskId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        backends.forEach(LocalBackend::close);
        Path agents = workDir.resolve("agents");
        if (Files.isDirectory(agents)) {
            try (Stream<Path> sandboxes = Files.find(agents, 3, (p, a) -> p.getParent().getFileName().toString().equals("sandboxes"))) {
                sandboxes.forEach(BackendFixtures::killIfRunning);
            }
        }
        FileTrees.delete("test work dir", workDir);
    }

    /** Kills a task's group, unless its wrapper recorded an exit (then the group is gone or another's). */
    private static void killIfRunning(Path sandbox) {
        Sandbox box = new Sandbox(sandbox);
        OptionalInt pid = box.wrapperPid();
        if (pid.isPresent() && box.exitCode().isEmpty()) {
            ProcessGroup group = new ProcessGroup(pid.getAsInt());
            if (!group.isEmpty()) {
                group.signal(ProcessGroup.Signal.KILL);
            }
        }
    }
}
