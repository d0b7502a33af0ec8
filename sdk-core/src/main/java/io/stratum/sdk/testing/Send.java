package io.stratum.sdk.testing;

import io.stratum.sdk.backend.CheckState;
import io.stratum.sdk.backend.TaskState;
import io.stratum.sdk.backend.sim.SimTask;
import io.stratum.sdk.internal.plan.Plan;
import io.stratum.sdk.spec.ServiceSpec;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/** Actions for a {@link ServiceTestRunner} script: offers, task statuses, restarts, commands. */
public final class Send {
    private Send() {}

    /**
     * One second passes (offers come about once a second), then every agent offers its free
     * resources and the scheduler handles them and whatever follows.
     */
    public static Tick offers() {
        return Tick.of("send offers", Send::offerRound);
    }

    private static void offerRound(ServiceTestRunner.Context c) {
        c.advance(Duration.ofSeconds(1));
        c.scheduler().tick();
        c.settle();
        c.cluster().sendOffers(true);
        c.settle();
    }

    /** Offers and statuses until the plan is COMPLETE, at most {@code rounds} rounds. */
    public static Tick offersUntilComplete(String plan, int rounds) {
        return Tick.of("send offers until plan " + plan + " is COMPLETE (at most " + rounds + " rounds)", c -> {
            for (int i = 0; i < rounds && !c.scheduler().plans().get(plan).isComplete(); i++) {
                offerRound(c);
            }
        });
    }

    /** The live task named {@code taskName} ({@code <pod>-<index>-<task>}) moves to {@code state}. */
    public static Tick status(String taskName, TaskState state) {
        return Tick.of("task " + taskName + " -> " + state, c -> {
            c.cluster().update(c.liveTask(taskName).taskId(), state, "scripted by the test");
            c.settle();
        });
    }

    /** The live task named {@code taskName} fails. */
    public static Tick failure(String taskName) {
        return Tick.of("task " + taskName + " fails", c -> {
            c.cluster().fail(c.liveTask(taskName).taskId(), "scripted failure");
            c.settle();
        });
    }

    /** The live task named {@code taskName} reports a readiness result. */
    public static Tick readiness(String taskName, CheckState result) {
        return Tick.of("task " + taskName + " readiness " + result, c -> {
            SimTask task = c.liveTask(taskName);
            c.cluster().setReadiness(task.taskId(), result);
            c.settle();
        });
    }

    /** The scheduler process dies and a new one starts over the same state and cluster. */
    public static Tick schedulerRestart() {
        return Tick.of("restart the scheduler", ServiceTestRunner.Context::restartScheduler);
    }

    /**
     * The scheduler process dies and a new one starts with {@code spec} over the same state and
     * cluster, as an operator restarts a service with an edited spec file (or after a config
     * update: the framework's own spec would otherwise be proposed again).
     */
    public static Tick schedulerRestart(ServiceSpec spec) {
        return Tick.of("restart the scheduler with a spec", c -> c.restartScheduler(spec));
    }

    /**
     * A config update, as the API makes it: validated like a loaded spec, then by the update rules
     * and the framework's validators; a refused one changes nothing (see {@link Expect#configRefused}).
     */
    public static Tick configUpdate(ServiceSpec spec) {
        return Tick.of("config update", c -> {
            c.scheduler().updateConfig(spec);
            c.settle();
        });
    }

    /** A command on the live plan, then a scheduler tick. */
    private static Tick plan(String plan, Consumer<Plan> command) {
        return Tick.of("command on plan " + plan, c -> {
            command.accept(c.scheduler().plans().get(plan));
            c.scheduler().tick();
            c.settle();
        });
    }

    /** An operator's {@code plan continue}: an interrupted plan (or phase, or canary) goes on. */
    public static Tick planContinue(String plan) {
        return plan(plan, Plan::proceed);
    }

    /** Starts a plan with parameters. */
    public static Tick planStart(String plan, Map<String, String> parameters) {
        return plan(plan, p -> p.start(parameters));
    }

    /** Restarts a pod instance in place. */
    public static Tick podRestart(String podInstance) {
        return Tick.of("pod restart " + podInstance, c -> {
            c.scheduler().restartPod(podInstance);
            c.settle();
        });
    }

    /** Replaces a pod instance on fresh resources. */
    public static Tick podReplace(String podInstance) {
        return Tick.of("pod replace " + podInstance, c -> {
            c.scheduler().replacePod(podInstance);
            c.settle();
        });
    }

    /** The simulated clock moves on (delays, backoff, timeouts). */
    public static Tick time(Duration duration) {
        return Tick.of("time passes: " + duration, c -> {
            c.advance(duration);
            c.scheduler().tick();
            c.settle();
        });
    }
}
