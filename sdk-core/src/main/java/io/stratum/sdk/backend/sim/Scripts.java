package io.stratum.sdk.backend.sim;

import io.stratum.sdk.backend.TaskLaunch;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The scripts that decide what launched tasks do; the most recent script with an opinion wins,
 * and a task no script cares about follows {@link TaskBehaviour#defaults}. Mutable; guarded by
 * the cluster's lock.
 */
final class Scripts {
    private record Script(Function<TaskLaunch, TaskBehaviour> behaviour, boolean once) {
    }

    private final List<Script> scripts = new ArrayList<>();

    void add(Function<TaskLaunch, TaskBehaviour> behaviour, boolean once) {
        scripts.add(new Script(behaviour, once));
    }

    void clear() {
        scripts.clear();
    }

    TaskBehaviour behaviourFor(TaskLaunch launch) {
        for (int i = scripts.size() - 1; i >= 0; i--) {
            Script script = scripts.get(i);
            TaskBehaviour behaviour = script.behaviour().apply(launch);
            if (behaviour != null) {
                if (script.once()) {
                    scripts.remove(i);
                }
                return behaviour;
            }
        }
        return TaskBehaviour.defaults(launch.spec().goal());
    }

    /** @return a script for the tasks whose full name starts with {@code prefix}, or whose name or id is it */
    static Function<TaskLaunch, TaskBehaviour> matching(String prefix, TaskBehaviour behaviour) {
        return launch -> launch.fullName().startsWith(prefix) || launch.taskName().equals(prefix)
                || launch.taskId().equals(prefix) ? behaviour : null;
    }
}
