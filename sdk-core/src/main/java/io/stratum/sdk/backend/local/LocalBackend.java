package io.stratum.sdk.backend.local;

import io.stratum.sdk.backend.ClusterBackend;
import io.stratum.sdk.internal.cluster.Zones;
import io.stratum.sdk.resource.Agent;
import io.stratum.sdk.resource.Range;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;

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
     * @return a builder with the defaults (see {@link Builder})
     */
    static Builder builder(Path workDir) {
        return new Builder(workDir);
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

    /**
     * Options of a {@link LocalBackend}; every one has a default. Not thread-safe: build once.
     *
     * <p>Resources are per agent. By default each agent has every CPU of the machine, an equal share
     * of its physical memory and of the work dir's free disk space, and ports 1025-32767: the same
     * range on every agent, since each has its own address (tasks should bind to
     * {@code $STRATUM_AGENT_ADDRESS}, not to every address).
     *
     * <p>Each agent also has MOUNT disks (by default 2 of 2048 MB, {@link #withMountDisks}): directories
     * {@code <agent>/mounts/mount-<n>}, each offered as a whole {@code disk} with a MOUNT source; a
     * persistent volume on one is that directory. The size is what offers say, not a quota: the disks
     * share the work dir's file system. {@link #withGpus} adds {@code gpus}, which are only
     * accounted: a task that reserves GPUs sees every device of the machine and gets no
     * {@code CUDA_VISIBLE_DEVICES}. {@link #withPreReservedRole} statically reserves part of each
     * agent for a role, as an operator does on Mesos.
     */
    final class Builder {
        final Path workDir;
        String serviceName = "stratum";
        int agents = 3;
        Double cpus;
        Double memMb;
        Double diskMb;
        Range ports = new Range(1_025, 32_767);
        double gpus;
        final Map<Integer, Double> agentGpus = new LinkedHashMap<>();
        int mountDisks = 2;
        double mountDiskMb = 2048;
        final Map<String, StaticReservation> preReserved = new LinkedHashMap<>();
        int firstAddress = 2;
        final Map<String, String> attributes = new LinkedHashMap<>();
        final Map<Integer, Map<String, String>> agentAttributes = new LinkedHashMap<>();
        Zones zones = Zones.NONE;
        Duration offerInterval = Duration.ofSeconds(1);
        Duration redeliveryInterval = Duration.ofSeconds(5);
        Duration exitPoll = TaskLauncher.DEFAULT_POLL;
        InstantSource clock = InstantSource.system();
        ScheduledExecutorService executor;
        Map<String, String> hostEnvironment = System.getenv();

        Builder(Path workDir) {
            this.workDir = Objects.requireNonNull(workDir, "workDir").toAbsolutePath().normalize();
        }

        /** @param name the service's name, the tasks' {@code FRAMEWORK_NAME} (default {@code stratum}) */
        public Builder withServiceName(String name) {
            this.serviceName = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * @param count how many agents, 1 to 250 (default 3); keep it the same across restarts over one
         *              work dir, since agents beyond the count are not looked at (except by
         *              {@link LocalBackend#destroyAll})
         */
        public Builder withAgents(int count) {
            if (count < 1 || count > 250) {
                throw new IllegalArgumentException("agents must be 1 to 250: " + count);
            }
            this.agents = count;
            return this;
        }

        /** @param cpus each agent's CPU shares, more than 0 (default: the machine's processors) */
        public Builder withCpus(double cpus) {
            this.cpus = positive("cpus", cpus);
            return this;
        }

        /** @param mb each agent's memory in MB, more than 0 (default: physical memory / agents) */
        public Builder withMemoryMb(double mb) {
            this.memMb = positive("memory", mb);
            return this;
        }

        /** @param mb each agent's disk in MB, more than 0 (default: the work dir's free space / agents) */
        public Builder withDiskMb(double mb) {
            this.diskMb = positive("disk", mb);
            return this;
        }

        /**
         * @param count  how many MOUNT disks each agent offers, 0 to 64 (default 2); keep it the same
         *               across restarts over one work dir, as a disk's reservation stays on its disk
         * @param sizeMb each disk's size in MB, more than 0 (default 2048); a volume on one uses it whole
         */
        public Builder withMountDisks(int count, double sizeMb) {
            if (count < 0 || count > 64) {
                throw new IllegalArgumentException("MOUNT disks must be 0 to 64: " + count);
            }
            this.mountDiskMb = positive("MOUNT disk size", sizeMb);
            this.mountDisks = count;
            return this;
        }

        /**
         * @param gpus each agent's GPUs, a whole number of 0 or more (default 0); only accounted: no
         *             device isolation, and {@code CUDA_VISIBLE_DEVICES} is not set
         */
        public Builder withGpus(double gpus) {
            this.gpus = gpus(gpus);
            return this;
        }

        /** @return this with agent {@code agent} (1 for the first) offering {@code gpus} GPUs instead of {@link #withGpus}'s */
        public Builder withGpus(int agent, double gpus) {
            agentGpus.put(agent, gpus(gpus));
            return this;
        }

        /**
         * Checks the options as {@link #build} does, without building or touching anything: the
         * agents' addresses, and their resources with the pre-reserved roles taken out.
         *
         * @return this
         * @throws IllegalArgumentException as {@link #build} would
         */
        public Builder validate() {
            if (firstAddress + agents - 1 > 254) {
                throw new IllegalArgumentException(agents + " agents from 127.0.0." + firstAddress + " go beyond 127.0.0.254");
            }
            AgentResources.of(this);
            return this;
        }

        /**
         * Statically reserves part of each agent for {@code role}: offered as pre-reserved for it, used
         * only by pods with that {@code pre-reserved-role} (whose reservations refine it into
         * {@code role/<their role>}), taken out of the unreserved amounts. No ports, GPUs or MOUNT disks
         * are pre-reserved. Giving a role again replaces its amounts.
         *
         * @param role   the role, not blank or {@code *}
         * @param cpus   CPU shares, 0 or more
         * @param memMb  memory in MB, 0 or more
         * @param diskMb root disk in MB, 0 or more; together with the other amounts more than 0, and
         *               every role's amounts together at most the agent's (checked by {@link #build})
         */
        public Builder withPreReservedRole(String role, double cpus, double memMb, double diskMb) {
            StaticReservation reservation = new StaticReservation(role, cpus, memMb, diskMb);
            preReserved.put(reservation.role(), reservation);
            return this;
        }

        /** @return this with each agent offering ports {@code begin} to {@code end} (default 1025-32767, below the ephemeral range, so static ports of common services fit) */
        public Builder withPorts(long begin, long end) {
            if (begin < 1 || end > 65_535 || begin > end) {
                throw new IllegalArgumentException("ports must be a range within 1-65535: " + begin + "-" + end);
            }
            this.ports = new Range(begin, end);
            return this;
        }

        /**
         * @param lastOctet the first agent's address is {@code 127.0.0.<lastOctet>}, the next ones
         *                  follow (default 2); at most 254 with the agents
         */
        public Builder withFirstAddress(int lastOctet) {
            if (lastOctet < 1 || lastOctet > 254) {
                throw new IllegalArgumentException("the first address must be 127.0.0.1 to 127.0.0.254: " + lastOctet);
            }
            this.firstAddress = lastOctet;
            return this;
        }

        /** @return this with text attribute {@code name:value} on every agent */
        public Builder withAttribute(String name, String value) {
            attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** @return this with text attribute {@code name:value} on agent {@code agent} (1 for the first) */
        public Builder withAttribute(int agent, String name, String value) {
            agentAttributes.computeIfAbsent(agent, a -> new LinkedHashMap<>())
                    .put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Spreads the agents over fault domain zones, round-robin by number (the first agent in the
         * first zone, ...): each agent's zone and region, which {@code @zone} and {@code @region}
         * placement rules read and its tasks get as {@code ZONE} and {@code REGION}.
         *
         * @return this
         * @throws IllegalArgumentException if the region or a zone is blank, or a zone is given twice
         */
        public Builder withZones(String region, String... zones) {
            this.zones = Zones.of(region, zones);
            return this;
        }

        /** @param interval how often offers are made while not suppressed (default 1 s) */
        public Builder withOfferInterval(Duration interval) {
            this.offerInterval = positive("offer interval", interval);
            return this;
        }

        /** @param interval how long an unacknowledged status update waits before it is sent again (default 5 s) */
        public Builder withRedeliveryInterval(Duration interval) {
            this.redeliveryInterval = positive("redelivery interval", interval);
            return this;
        }

        /** @param poll how often a re-adopted task (not this JVM's child) is checked for its exit (default 250 ms) */
        public Builder withExitPoll(Duration poll) {
            this.exitPoll = positive("exit poll", poll);
            return this;
        }

        /** @param clock the time of statuses and decline filters (default: the system clock) */
        public Builder withClock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param executor the backend's thread: everything the backend does, and every listener call,
         *                 runs on it, so it must run one task at a time (e.g.
         *                 {@link java.util.concurrent.Executors#newSingleThreadScheduledExecutor()});
         *                 the backend does not shut it down (default: a daemon thread of its own)
         */
        public Builder withExecutor(ScheduledExecutorService executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** @param environment where tasks get PATH, HOME, LANG, LC_*, TZ and USER (default: this process's) */
        public Builder withHostEnvironment(Map<String, String> environment) {
            this.hostEnvironment = Map.copyOf(environment);
            return this;
        }

        /**
         * @return the backend, not started; its agents' directories are read (ledgers) but no task is
         *     touched until {@link LocalBackend#start} or {@link LocalBackend#destroyAll}
         * @throws IllegalArgumentException if the agents' addresses would go beyond 127.0.0.254, or the
         *                                  pre-reserved roles take more than an agent has
         * @throws IllegalStateException    if {@code setsid} is not installed
         */
        public LocalBackend build() {
            validate();
            return new DefaultLocalBackend(this);
        }

        private static double gpus(double gpus) {
            if (!(gpus >= 0) || gpus != Math.rint(gpus) || gpus > 1_000) {
                throw new IllegalArgumentException("gpus must be a whole number from 0 to 1000: " + gpus);
            }
            return gpus;
        }

        private static double positive(String what, double value) {
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException(what + " must be more than 0: " + value);
            }
            return value;
        }

        private static Duration positive(String what, Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(what + " must be more than 0: " + value);
            }
            return value;
        }
    }
}
