package io.stratum.sdk.backend.local;

import io.stratum.sdk.backend.ClusterBackend;
import io.stratum.sdk.resource.Agent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The {@code local} backend: a cluster of N agents embedded in the scheduler's JVM, whose tasks
 * are real processes on this machine.
 *
 * <p>Each agent has its own loopback address ({@code 127.0.0.2}, {@code 127.0.0.3}, ...), which is
 * also its hostname, an id {@code local-agent-<n>}, resources (by default a share of the machine,
 * and two MOUNT disks), optional GPUs, static reservations for roles, attributes and zone. Its
 * files live in {@code <workDir>/agents/local-agent-<n>} (see the package description): a ledger
 * of reservations and persistent volumes, volume and MOUNT disk directories, sandboxes and task
 * checkpoints.
 *
 * <ul>
 *   <li><b>Offers</b>: one per agent, holding its unreserved resources (whole MOUNT disks among
 *       them), those statically reserved for each role, and the reservations (with
 *       their labels and volumes) no live task uses; sent at start, on revive, and every offer
 *       interval while not suppressed. A decline keeps the agent's offers back for its
 *       {@code refuseFor}, until a revive or until resources are freed on the agent.</li>
 *   <li><b>Operations</b> apply in order against what is left of the offer, as on Mesos, and
 *       change the agent's ledger on disk; a launch claims every resource of its task group or
 *       none, and each task gets a fresh sandbox with its volumes linked at their paths and its
 *       config templates rendered, and runs {@code /bin/sh -c cmd} in a session of its own. An
 *       operation that cannot apply is dropped alone (logged); a task that cannot launch is
 *       reported {@code ERROR}, {@code DROPPED} when its offer was no longer valid.</li>
 *   <li><b>Statuses</b>: STARTING then RUNNING once the process is spawned; check results as
 *       RUNNING updates (a failed health check kills the task, reported FAILED); FINISHED on exit
 *       0, FAILED otherwise, KILLING then KILLED for a {@link #kill}. Every update but
 *       reconciliation answers carries an ack id and is sent again until acknowledged.</li>
 *   <li><b>Restarts</b>: a backend over an existing work dir re-adopts the tasks still running
 *       (same processes, checks restarted) and reports those that ended meanwhile. Nothing is
 *       launched twice.</li>
 * </ul>
 *
 * <p>Calls are thread-safe and return at once; their effects, and every event, happen on one
 * backend thread, so the listener is never called concurrently. {@link #start} may be called
 * once ({@link IllegalStateException} otherwise, or once closed); an operation that cannot apply
 * is logged, never thrown. {@link #close()} stops offers, checks and watching but leaves the tasks
 * running for the next backend over the work dir. Only one backend may use a work dir at a time.
 *
 * <pre>{@code
 * try (LocalBackend backend = LocalBackend.builder(workDir).withServiceName("hello-world").build()) {
 *     backend.start(Optional.empty(), listener);
 *     ...
 * }
 * }</pre>
 */
public interface LocalBackend extends ClusterBackend {

    /**
     * @param workDir where the agents keep their files; created if missing
     * @return a builder with the defaults (see {@link LocalBackendBuilder})
     */
    static LocalBackendBuilder builder(Path workDir) {
        return new LocalBackendBuilder(workDir);
    }

    /** @return the agents, in order, as offers describe them */
    List<Agent> agents();

    /**
     * Uninstalls everything the work dir holds: kills every task (SIGTERM, then SIGKILL after its
     * kill grace period), waits for them to end, destroys every volume (deleting its data),
     * unreserves everything and deletes the agents' files. Offers stop for good. Works whether or
     * not the backend was started; close it afterwards. Must not be called from the listener.
     *
     * @param timeout the longest to wait for the tasks to end
     * @throws IllegalStateException if a task still runs after {@code timeout} (then nothing is
     *                               deleted), or the backend is closed
     */
    void destroyAll(Duration timeout);
}
