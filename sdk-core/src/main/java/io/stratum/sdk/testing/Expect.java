package io.stratum.sdk.testing;

import io.stratum.sdk.backend.TaskState;
import io.stratum.sdk.backend.sim.SimTask;
import io.stratum.sdk.internal.plan.Plan;
import io.stratum.sdk.internal.plan.Step;
import io.stratum.sdk.plan.Status;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/** Checks for a {@link ServiceTestRunner} script. */
public final class Expect {
    private Expect() {}

    /** The plan's status is {@code status}. */
    public static Tick planStatus(String plan, Status status) {
        return Tick.of("expect plan " + plan + " " + status, c -> {
            Plan p = c.scheduler().plans().get(plan);
            check(p != null, "no plan " + plan);
            check(p.status() == status, "plan " + plan + " is " + p.status() + ", expected " + status + "\n"
                    + describe(p));
        });
    }

    /**
     * The last config update refused ({@link Send#configUpdate}, or the API's) has an error
     * containing each of {@code fragments}; a refused update changes nothing else, plan statuses
     * included.
     */
    public static Tick configRefused(String... fragments) {
        return Tick.of("expect a refused config update with an error with " + List.of(fragments), c -> {
            var refusal = c.scheduler().lastRefused();
            check(refusal.isPresent(), "no config update was refused");
            check(refusal.get().errors().stream().anyMatch(e -> List.of(fragments).stream().allMatch(e::contains)),
                    "the refused update has errors " + refusal.get().errors() + ", none containing all of "
                    + List.of(fragments));
        });
    }

    /** The plan shows an error containing each of {@code fragments}. */
    public static Tick planError(String plan, String... fragments) {
        return Tick.of("expect plan " + plan + " to show an error with " + List.of(fragments), c -> {
            Plan p = c.scheduler().plans().get(plan);
            check(p != null, "no plan " + plan);
            check(p.errors().stream().anyMatch(e -> List.of(fragments).stream().allMatch(e::contains)),
                    "plan " + plan + " has errors " + p.errors() + ", none containing all of " + List.of(fragments));
        });
    }

    /** The step named {@code step} (e.g. {@code hello-0:[server]}) of a plan is {@code status}. */
    public static Tick stepStatus(String plan, String step, Status status) {
        return Tick.of("expect step " + plan + "/" + step + " " + status, c -> {
            Step s = c.scheduler().plans().get(plan).steps().stream().filter(x -> x.name().equals(step))
                    .findFirst().orElseThrow(() -> new AssertionError("no step " + step + " in plan " + plan));
            check(s.status() == status, "step " + step + " is " + s.status() + ", expected " + status);
        });
    }

    /** A task named {@code taskName} runs (live in the cluster, RUNNING). */
    public static Tick taskRunning(String taskName) {
        return Tick.of("expect task " + taskName + " RUNNING", c -> {
            SimTask task = c.liveTask(taskName);
            check(task.state() == TaskState.RUNNING, "task " + taskName + " is " + task.state());
        });
    }

    /** Exactly {@code count} launches so far of tasks named {@code taskName}. */
    public static Tick launches(String taskName, int count) {
        return Tick.of("expect " + count + " launch(es) of " + taskName, c -> {
            long n = c.cluster().launched().stream().filter(l -> l.fullName().equals(taskName)).count();
            check(n == count, taskName + " was launched " + n + " time(s), expected " + count);
        });
    }

    /** The live task named {@code taskName} runs on agent {@code agentId}. */
    public static Tick taskOnAgent(String taskName, String agentId) {
        return Tick.of("expect task " + taskName + " on agent " + agentId, c -> {
            SimTask task = c.liveTask(taskName);
            check(task.agentId().equals(agentId), taskName + " runs on " + task.agentId() + ", expected " + agentId);
        });
    }

    /**
     * The live task named {@code taskName} starts with {@code name=value} in its environment, as
     * every backend gives it ({@link ServiceTestRunner.Context#environment}); a null {@code value}
     * expects {@code name} unset.
     */
    public static Tick taskEnvironment(String taskName, String name, String value) {
        return Tick.of("expect task " + taskName + " with " + name + "=" + value, c -> {
            String actual = c.environment(taskName).get(name);
            check(Objects.equals(actual, value), taskName + " has " + name + "=" + actual + ", expected " + value);
        });
    }

    /** The scheduler suppressed offers (no work left). */
    public static Tick suppressed() {
        return Tick.of("expect offers suppressed", c -> check(c.cluster().isSuppressed(), "offers are not suppressed"));
    }

    /** The last offers were all declined. */
    public static Tick offersDeclined() {
        return Tick.of("expect offers declined", c -> check(!c.cluster().declines().isEmpty(), "no offer was declined"));
    }

    /** Any condition. */
    public static Tick that(String description, Predicate<ServiceTestRunner.Context> condition) {
        return Tick.of("expect " + description, c -> check(condition.test(c), "not true: " + description));
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }

    static String describe(Plan plan) {
        StringBuilder out = new StringBuilder();
        plan.phases().forEach(phase -> {
            out.append("  ").append(phase.name()).append(' ').append(phase.status()).append('\n');
            phase.steps().forEach(s -> out.append("    ").append(s.name()).append(' ').append(s.status()).append('\n'));
        });
        return out.toString();
    }

    static List<String> names(List<SimTask> tasks) {
        return tasks.stream().map(SimTask::name).toList();
    }
}
