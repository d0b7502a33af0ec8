package io.stratum.sdk.backend.mesos;

import io.stratum.sdk.backend.BackendListener;
import io.stratum.sdk.backend.ClusterBackend;
import java.net.URI;
import java.util.Optional;

/**
 * The {@code mesos} backend: a pure-Java client of the Apache Mesos v1 scheduler HTTP API (JSON
 * over HTTP, no native libmesos), for services on real multi-machine clusters.
 *
 * <ul>
 *   <li><b>Subscription</b>: SUBSCRIBE to the leading master on a long-lived connection and read
 *       its RecordIO event stream; every other call goes on a connection of its own, with the
 *       stream's {@code Mesos-Stream-Id}. A {@code 307} moves to the leader it names; a
 *       {@code zk://} address finds the leader in ZooKeeper. The framework subscribes with
 *       {@code checkpoint}, a long failover timeout (so a scheduler restart or failover does not
 *       kill the service), its roles and principal, and the capabilities MULTI_ROLE,
 *       RESERVATION_REFINEMENT, TASK_KILLING_STATE and PARTITION_AWARE.</li>
 *   <li><b>Failover</b>: when the stream ends or breaks, or nothing (not even a heartbeat) arrives
 *       for several heartbeat intervals, the backend rescinds the offers it had handed out, reports
 *       {@link BackendListener#disconnected()}, and subscribes again with the
 *       same framework id, backing off exponentially. Nothing is lost: updates not yet acknowledged
 *       are sent again by Mesos, and the scheduler reconciles on {@code registered}.</li>
 *   <li><b>Operations</b>: an accept becomes one ACCEPT of DESTROY, UNRESERVE, RESERVE, CREATE and
 *       LAUNCH_GROUP operations, in that order. Reservations are labelled (each its own
 *       {@code resource_id}, as Mesos merges reservations with equal labels) and, on pre-reserved
 *       resources, refined to {@code <pre-reserved role>/<role>}. A pod instance's tasks run as a
 *       task group on the default executor, which holds cpus, mem and disk of its own. Health
 *       checks become {@code TaskInfo.health_check}, readiness checks {@code TaskInfo.check}.</li>
 *   <li><b>Statuses</b>: every Mesos task state maps to ours; {@code healthy} and
 *       {@code check_status} become the health and readiness results; an update carrying a uuid has
 *       it as its ack id (those the master makes itself carry none and are never acknowledged).
 *       The loss of an agent is reported as {@code agentLost}.</li>
 * </ul>
 *
 * <p>Calls are thread-safe, return at once and are sent in order; a call made while not
 * subscribed is dropped (and logged). Events arrive on one backend thread. {@link #start} may be
 * called once; {@link #close()} closes the subscription and leaves the tasks running, for the next
 * scheduler to take over within the failover timeout.
 *
 * <pre>{@code
 * try (MesosBackend backend = MesosBackend.builder("zk://zk-1:2181/mesos")
 *         .withFrameworkName("hello-world").withRole("hello-world-role")
 *         .withPrincipal("hello-world-principal").build()) {
 *     backend.start(frameworkStore.fetchFrameworkId(), listener);
 *     ...
 * }
 * }</pre>
 */
public interface MesosBackend extends ClusterBackend {

    /**
     * @param master a master's address ({@code http://host:5050}, {@code https://...} or
     *               {@code host:5050}) or ZooKeeper's ({@code zk://host:2181[,host:2181]/mesos})
     * @return a builder with the defaults (see {@link MesosBackendBuilder})
     * @throws IllegalArgumentException if {@code master} is neither
     */
    static MesosBackendBuilder builder(String master) {
        return new MesosBackendBuilder(master);
    }

    /** @return the master subscribed to (or being subscribed to), if one is known yet */
    Optional<URI> leadingMaster();
}
