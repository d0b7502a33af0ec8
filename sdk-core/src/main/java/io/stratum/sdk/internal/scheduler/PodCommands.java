package io.stratum.sdk.internal.scheduler;

import io.stratum.sdk.internal.plan.PodInstance;
import io.stratum.sdk.internal.plan.PodInstanceRequirement;
import io.stratum.sdk.internal.plan.RecoveryType;
import io.stratum.sdk.internal.state.GoalOverride;
import io.stratum.sdk.internal.state.StateStore;
import io.stratum.sdk.internal.state.TaskRecord;
import io.stratum.sdk.spec.CheckSpec;
import io.stratum.sdk.spec.Goal;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.spec.TaskSpec;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The operator's pod commands. {@code restart} relaunches a pod instance's tasks in place;
 * {@code replace} relaunches it elsewhere on fresh resources; {@code pause} relaunches its tasks
 * in place with a command that only idles (keeping reservations and volumes, for debugging inside
 * the sandbox) until {@code resume} relaunches them as specified. Paused pods are remembered in the
 * state store, every relaunch on the instance's task records until it is launched
 * ({@link RelaunchMarks}; {@link RecoveryResumption} picks it up after a scheduler restart). Owned
 * by the scheduler loop.
 */
final class PodCommands {
    /** What a paused task runs instead of its command. */
    static final String IDLE_COMMAND = "echo \"paused by the operator\"; trap 'exit 0' TERM; while :; do sleep 1; done";

    private final TaskCache tasks;
    private final RecoveryManager recovery;
    private final TargetConfig config;
    private final StateStore store;
    private final Consumer<List<TaskRecord>> killAll;
    private final Set<PodInstance> paused = ConcurrentHashMap.newKeySet();

    PodCommands(TaskCache tasks, RecoveryManager recovery, TargetConfig config, StateStore store,
            Consumer<List<TaskRecord>> killAll) {
        this.tasks = tasks;
        this.recovery = recovery;
        this.config = config;
        this.store = store;
        this.killAll = killAll;
    }

    /** Reads which pods are paused from the state store. */
    void load() {
        paused.clear();
        store.fetchGoalOverrides().forEach((name, override) -> {
            if (override.kind() == GoalOverride.Kind.PAUSED) {
                int cut = name.lastIndexOf('-');
                paused.add(new PodInstance(name.substring(0, cut), Integer.parseInt(name.substring(cut + 1))));
            }
        });
    }

    boolean isPaused(PodInstance pod) {
        return paused.contains(pod);
    }

    Set<PodInstance> paused() {
        return Set.copyOf(paused);
    }

    List<String> restart(String name) {
        return relaunch(find(name), RecoveryType.TRANSIENT);
    }

    List<String> replace(String name) {
        return replace(find(name));
    }

    /** Replaces {@code pod} elsewhere (an operator's replace, or a permanent failure). */
    List<String> replace(PodInstance pod) {
        return relaunch(pod, RecoveryType.PERMANENT);
    }

    List<String> pause(String name) {
        PodInstance pod = find(name);
        store.storeGoalOverride(pod.name(), GoalOverride.of(GoalOverride.Kind.PAUSED));
        paused.add(pod);
        return restart(name);
    }

    List<String> resume(String name) {
        PodInstance pod = find(name);
        if (!paused.contains(pod)) {
            throw new IllegalStateException("pod instance '" + name + "' is not paused");
        }
        store.clearGoalOverride(pod.name());
        paused.remove(pod);
        return restart(name);
    }

    /** The spec a task of {@code pod} runs with: an idling one, without checks, while paused. */
    TaskSpec effective(PodInstance pod, TaskSpec spec) {
        if (spec == null || !paused.contains(pod)) {
            return spec;
        }
        return new TaskSpec(spec.name(), Goal.RUNNING, spec.essential(), IDLE_COMMAND,
                spec.labels(), spec.env(), spec.configs(), spec.cpus(), spec.gpus(), spec.memory(), spec.ports(),
                (CheckSpec) null, (CheckSpec) null, spec.volumes(), spec.resourceSet(), spec.discovery(), 1,
                spec.resourceLimits());
    }

    private PodInstance find(String name) {
        for (PodInstance pod : tasks.podInstances()) {
            if (pod.name().equals(name)) {
                return pod;
            }
        }
        throw new IllegalArgumentException("no pod instance '" + name + "'");
    }

    /**
     * Kills the instance's tasks and relaunches them, in place (TRANSIENT) or elsewhere (PERMANENT).
     * The relaunch is first marked on the instance's records ({@link RelaunchMarks}; it calls off a
     * relaunch of the other kind decided before), so that it survives a restart of the scheduler.
     */
    private List<String> relaunch(PodInstance pod, RecoveryType type) {
        PodSpec spec = config.target().pod(pod.podType());
        if (spec == null) {
            throw new IllegalArgumentException("pod instance '" + pod.name() + "' is not in the target config");
        }
        List<TaskRecord> records = tasks.of(pod);
        PodInstanceRequirement relaunch = PodInstanceRequirement.of(spec, pod.index(), taskNames(spec, records), type);
        List<TaskRecord> marked = RelaunchMarks.marked(records, type);
        if (!marked.isEmpty()) {
            tasks.put(marked);
        }
        killAll.accept(records);
        if (type == RecoveryType.PERMANENT) {
            recovery.replace(relaunch);
        } else {
            recovery.restart(relaunch);
        }
        return names(records);
    }

    /** @return the tasks of {@code records} the pod still has; all of its tasks if none */
    static List<String> taskNames(PodSpec spec, List<TaskRecord> records) {
        List<String> names = records.stream().map(TaskRecord::taskName).filter(t -> spec.task(t) != null).toList();
        return names.isEmpty() ? List.copyOf(spec.tasks().keySet()) : names;
    }

    private static List<String> names(List<TaskRecord> records) {
        return records.stream().map(TaskRecord::name).toList();
    }
}
