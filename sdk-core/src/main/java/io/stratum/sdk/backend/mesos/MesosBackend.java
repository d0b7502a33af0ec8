package io.stratum.sdk.backend.mesos;

import io.stratum.sdk.backend.ArtifactStore;
import io.stratum.sdk.backend.BackendListener;
import io.stratum.sdk.backend.ClusterBackend;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
     * Removes the framework from the master ({@code TEARDOWN}): Mesos kills its tasks and
     * executors and forgets the framework id, which no scheduler can subscribe with again.
     * Reservations and volumes stay with the role: destroy and unreserve them before. Queued like
     * every call; {@link #close()} waits (at most 5 s) until it is sent. Ignored before
     * {@link #start} and after {@link #close()}.
     */
    void teardown();

    /**
     * @param master a master's address ({@code http://host:5050}, {@code https://...} or
     *               {@code host:5050}) or ZooKeeper's ({@code zk://host:2181[,host:2181]/mesos})
     * @return a builder with the defaults (see {@link Builder})
     * @throws IllegalArgumentException if {@code master} is neither
     */
    static Builder builder(String master) {
        return new Builder(master);
    }

    /** @return the master subscribed to (or being subscribed to), if one is known yet */
    Optional<URI> leadingMaster();

    /**
     * Configures a {@link MesosBackend}. Credentials may come in the master's address
     * ({@code http://principal:secret@host:5050}). Defaults: framework name, role and principal
     * {@code stratum} (the role and principal must be the offer evaluator's), the current OS user,
     * a failover timeout of 4 weeks, no credentials, heartbeats missed 5 times before re-subscribing,
     * backoff from 500 ms doubling to 15 s, 30 s for a call or a subscription to be answered, events
     * of up to 256 MiB, and a default executor of 0.1 cpus, 32 MB mem and 256 MB disk where the
     * launch reserved none. Tasks with config templates need {@link #withArtifacts an artifact store}
     * served by the scheduler's API. Not thread-safe; build once.
     */
    final class Builder {
        final String master;
        String frameworkName = "stratum";
        String user = System.getProperty("user.name", "nobody");
        String role = "stratum";
        Set<String> preReservedRoles = Set.of();
        String principal = "stratum";
        Duration failoverTimeout = Duration.ofDays(28);
        Optional<String> credentials = Optional.empty();
        int heartbeatMisses = 5;
        Duration backoffInitial = Duration.ofMillis(500);
        Duration backoffMax = Duration.ofSeconds(15);
        Duration requestTimeout = Duration.ofSeconds(30);
        long maxEventBytes = 256L * 1024 * 1024;
        LaunchGroupJson.ExecutorResources executor = new LaunchGroupJson.ExecutorResources(0.1, 32, 256);
        InstantSource clock = InstantSource.system();
        ArtifactStore artifacts;

        Builder(String master) {
            this.master = Objects.requireNonNull(master, "master");
            MasterDetector.of(master, Duration.ofSeconds(1)).close(); // validates the address
            if (!master.startsWith("zk://") && master.contains("://")) {
                String userInfo = URI.create(master).getUserInfo();
                if (userInfo != null && userInfo.contains(":")) {
                    credentials = Optional.of(userInfo);
                }
            }
        }

        /** @param name the framework's name in Mesos (the service's name) */
        public Builder withFrameworkName(String name) {
            this.frameworkName = requireText(name, "name");
            return this;
        }

        /** @param user the OS user tasks run as on the agents */
        public Builder withUser(String user) {
            this.user = requireText(user, "user");
            return this;
        }

        /** @param role the role reservations are made for; the offer evaluator's role */
        public Builder withRole(String role) {
            this.role = requireText(role, "role");
            return this;
        }

        /**
         * @param roles roles whose statically reserved resources pods use ({@code pre-reserved-role});
         *              the framework also subscribes to {@code <role>/<our role>} for each
         */
        public Builder withPreReservedRoles(Set<String> roles) {
            this.preReservedRoles = Set.copyOf(roles);
            return this;
        }

        /** @param principal the principal the framework authenticates and reserves as; the evaluator's principal */
        public Builder withPrincipal(String principal) {
            this.principal = requireText(principal, "principal");
            return this;
        }

        /** @param timeout how long Mesos keeps the tasks while no scheduler is subscribed; at least 1 s */
        public Builder withFailoverTimeout(Duration timeout) {
            this.failoverTimeout = atLeast(timeout, Duration.ofSeconds(1), "failover timeout");
            return this;
        }

        /** Sends HTTP basic credentials with every request (for masters with {@code --authenticate_http_frameworks}). */
        public Builder withCredentials(String principal, String secret) {
            this.credentials = Optional.of(requireText(principal, "principal") + ":" + Objects.requireNonNull(secret, "secret"));
            return this;
        }

        /** @param misses how many heartbeat intervals may pass without any event before re-subscribing; at least 2 */
        public Builder withHeartbeatMisses(int misses) {
            if (misses < 2) {
                throw new IllegalArgumentException("heartbeat misses must be at least 2, got " + misses);
            }
            this.heartbeatMisses = misses;
            return this;
        }

        /** The wait before re-subscribing: {@code initial}, doubling after each failed attempt, at most {@code max}. */
        public Builder withBackoff(Duration initial, Duration max) {
            this.backoffInitial = atLeast(initial, Duration.ofMillis(1), "initial backoff");
            this.backoffMax = atLeast(max, initial, "max backoff");
            return this;
        }

        /** @param timeout how long a call, or a subscription until SUBSCRIBED, may take; at least 100 ms */
        public Builder withRequestTimeout(Duration timeout) {
            this.requestTimeout = atLeast(timeout, Duration.ofMillis(100), "request timeout");
            return this;
        }

        /** @param bytes the largest event accepted (a larger one means a broken stream); at least 1 KiB */
        public Builder withMaxEventBytes(long bytes) {
            if (bytes < 1024 || bytes > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("max event bytes must be 1024 to " + (Integer.MAX_VALUE - 8) + ", got " + bytes);
            }
            this.maxEventBytes = bytes;
            return this;
        }

        /** What a default executor takes unreserved from the offer when its launch reserved none; each greater than 0. */
        public Builder withDefaultExecutorResources(double cpus, double memMb, double diskMb) {
            if (!(cpus > 0 && memMb > 0 && diskMb > 0)) {
                throw new IllegalArgumentException("executor resources must be > 0");
            }
            this.executor = new LaunchGroupJson.ExecutorResources(cpus, memMb, diskMb);
            return this;
        }

        /**
         * @param store where a task's rendered config files are published for its agent to fetch
         *              ({@code CommandInfo.uris}); the scheduler's API must serve it at the store's URL
         */
        public Builder withArtifacts(ArtifactStore store) {
            this.artifacts = Objects.requireNonNull(store, "store");
            return this;
        }

        /** @param clock the time source for heartbeat and subscription timeouts */
        public Builder withClock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @return the backend, not started */
        /**
         * @throws IllegalArgumentException if credentials are given for a principal other than the
         *                                  framework's: a master that authenticates frameworks
         *                                  refuses every subscription then
         */
        public MesosBackend build() {
            credentials.map(c -> c.substring(0, c.indexOf(':'))).filter(p -> !p.equals(principal)).ifPresent(p -> {
                throw new IllegalArgumentException("the Mesos credentials are for principal '" + p
                        + "' but the framework's principal is '" + principal + "' (the spec's scheduler.principal, else"
                        + " <name>-principal): a master that authenticates frameworks requires them to be the same");
            });
            return new DefaultMesosBackend(this);
        }

        FrameworkSettings framework() {
            return new FrameworkSettings(user, frameworkName, new FrameworkSettings.Roles(role, preReservedRoles), principal,
                    failoverTimeout);
        }

        private static String requireText(String value, String what) {
            if (Objects.requireNonNull(value, what).isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank");
            }
            return value;
        }

        private static Duration atLeast(Duration value, Duration min, String what) {
            if (Objects.requireNonNull(value, what).compareTo(min) < 0) {
                throw new IllegalArgumentException(what + " must be at least " + min + ", got " + value);
            }
            return value;
        }
    }
}
