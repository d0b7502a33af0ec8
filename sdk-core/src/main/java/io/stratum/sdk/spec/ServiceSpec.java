package io.stratum.sdk.spec;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A whole service, as its author declared it in {@code svc.yml}: the immutable, value-equal root
 * of the spec model. It serialises to JSON and back without loss, which is
 * how the config store keeps it.
 *
 * <p>Load one with {@link #load(Path, Map)} or a configured {@link SpecLoader}; every problem of
 * the file is reported at once in a {@link SpecException}.
 *
 * @param name      the service name: DNS-safe, also the default framework name
 * @param webUrl    an optional URL of the service's own UI
 * @param scheduler principal, user and ZooKeeper of the scheduler (never null)
 * @param pods      the pod types, by name, in file order (at least one)
 * @param plans     the declared plans by name, in file order (may be empty: a deploy plan is
 *                  then generated, one serial phase per pod)
 */
public record ServiceSpec(
        @Pattern(regexp = SpecNames.SERVICE_NAME, message = SpecNames.SERVICE_NAME_RULE) String name,
        String webUrl,
        SchedulerSpec scheduler,
        @NotEmpty(message = "a service needs at least one pod") Map<String, @Valid PodSpec> pods,
        Map<String, @Valid PlanSpec> plans) {

    public ServiceSpec {
        Objects.requireNonNull(name, "name");
        scheduler = scheduler == null ? new SchedulerSpec(null, null, null) : scheduler;
        pods = Copies.map(pods);
        plans = Copies.map(plans);
    }

    /**
     * Renders and loads the spec at {@code file} against {@code env} (the process environment is
     * not added: pass it in if wanted).
     *
     * @throws SpecException every problem found, each located
     * @throws IOException   if the file cannot be read
     */
    public static ServiceSpec load(Path file, Map<String, String> env) throws SpecException, IOException {
        return SpecLoader.builder().withEnv(env).build().load(file);
    }

    /** @return the pod type {@code name}, or null */
    public PodSpec pod(String name) {
        return pods.get(name);
    }
}
