package io.stratum.sdk.backend.local;

import java.util.List;

/**
 * What {@link TaskLauncher#adopt()} found: the checkpointed tasks whose processes still run (now
 * watched again) and those that ended while no one watched.
 *
 * @param running the re-adopted tasks, the same processes as before
 * @param exited  the tasks that are gone, to report as ended (failed, unless their exit code is 0)
 */
record Recovery(List<TaskProcess> running, List<TaskExit> exited) {

    Recovery {
        running = List.copyOf(running);
        exited = List.copyOf(exited);
    }
}
