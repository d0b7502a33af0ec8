package io.stratum.sdk.backend.local;

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
 * Options of a {@link LocalBackend}; every one has a default. Not thread-safe: build once.
 *
 * <p>Resources are per agent. By default each agent has every CPU of the machine, an equal share
 * of its physical memory and of the work dir's free disk space, and ports 1025-32767: the same
 * range on every agent, since each has its own address (tasks should bind to
 * {@code $STRATUM_AGENT_ADDRESS}, not to every address).
 */
public final class LocalBackendBuilder {
    final Path workDir;
    String serviceName = "stratum";
    int agents = 3;
    Double cpus;
    Double memMb;
    Double diskMb;
    Range ports = new Range(1_025, 32_767);
    int firstAddress = 2;
    final Map<String, String> attributes = new LinkedHashMap<>();
    final Map<Integer, Map<String, String>> agentAttributes = new LinkedHashMap<>();
    String region;
    List<String> zones = List.of();
    Duration offerInterval = Duration.ofSeconds(1);
    Duration redeliveryInterval = Duration.ofSeconds(5);
    Duration exitPoll = TaskLauncher.DEFAULT_POLL;
    InstantSource clock = InstantSource.system();
    ScheduledExecutorService executor;
    Map<String, String> hostEnvironment = System.getenv();

    LocalBackendBuilder(Path workDir) {
        this.workDir = Objects.requireNonNull(workDir, "workDir").toAbsolutePath().normalize();
    }

    /** @param name the service's name, the tasks' {@code FRAMEWORK_NAME} (default {@code stratum}) */
    public LocalBackendBuilder withServiceName(String name) {
        this.serviceName = Objects.requireNonNull(name, "name");
        return this;
    }

    /**
     * @param count how many agents, 1 to 250 (default 3); keep it the same across restarts over one
     *              work dir, since agents beyond the count are not looked at (except by
     *              {@link LocalBackend#destroyAll})
     */
    public LocalBackendBuilder withAgents(int count) {
        if (count < 1 || count > 250) {
            throw new IllegalArgumentException("agents must be 1 to 250: " + count);
        }
        this.agents = count;
        return this;
    }

    /** @param cpus each agent's CPU shares, more than 0 (default: the machine's processors) */
    public LocalBackendBuilder withCpus(double cpus) {
        this.cpus = positive("cpus", cpus);
        return this;
    }

    /** @param mb each agent's memory in MB, more than 0 (default: physical memory / agents) */
    public LocalBackendBuilder withMemoryMb(double mb) {
        this.memMb = positive("memory", mb);
        return this;
    }

    /** @param mb each agent's disk in MB, more than 0 (default: the work dir's free space / agents) */
    public LocalBackendBuilder withDiskMb(double mb) {
        this.diskMb = positive("disk", mb);
        return this;
    }

    /** @return this with each agent offering ports {@code begin} to {@code end} (default 1025-32767, below the ephemeral range, so static ports of common services fit) */
    public LocalBackendBuilder withPorts(long begin, long end) {
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
    public LocalBackendBuilder withFirstAddress(int lastOctet) {
        if (lastOctet < 1 || lastOctet > 254) {
            throw new IllegalArgumentException("the first address must be 127.0.0.1 to 127.0.0.254: " + lastOctet);
        }
        this.firstAddress = lastOctet;
        return this;
    }

    /** @return this with text attribute {@code name:value} on every agent */
    public LocalBackendBuilder withAttribute(String name, String value) {
        attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** @return this with text attribute {@code name:value} on agent {@code agent} (1 for the first) */
    public LocalBackendBuilder withAttribute(int agent, String name, String value) {
        agentAttributes.computeIfAbsent(agent, a -> new LinkedHashMap<>())
                .put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** @return this with the agents spread over {@code zones} of {@code region}, round-robin */
    public LocalBackendBuilder withZones(String region, String... zones) {
        this.region = Objects.requireNonNull(region, "region");
        this.zones = List.of(zones);
        return this;
    }

    /** @param interval how often offers are made while not suppressed (default 1 s) */
    public LocalBackendBuilder withOfferInterval(Duration interval) {
        this.offerInterval = positive("offer interval", interval);
        return this;
    }

    /** @param interval how long an unacknowledged status update waits before it is sent again (default 5 s) */
    public LocalBackendBuilder withRedeliveryInterval(Duration interval) {
        this.redeliveryInterval = positive("redelivery interval", interval);
        return this;
    }

    /** @param poll how often a re-adopted task (not this JVM's child) is checked for its exit (default 250 ms) */
    public LocalBackendBuilder withExitPoll(Duration poll) {
        this.exitPoll = positive("exit poll", poll);
        return this;
    }

    /** @param clock the time of statuses and decline filters (default: the system clock) */
    public LocalBackendBuilder withClock(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * @param executor the backend's thread: everything the backend does, and every listener call,
     *                 runs on it, so it must run one task at a time (e.g.
     *                 {@link java.util.concurrent.Executors#newSingleThreadScheduledExecutor()});
     *                 the backend does not shut it down (default: a daemon thread of its own)
     */
    public LocalBackendBuilder withExecutor(ScheduledExecutorService executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
        return this;
    }

    /** @param environment where tasks get PATH, HOME, LANG, LC_*, TZ and USER (default: this process's) */
    public LocalBackendBuilder withHostEnvironment(Map<String, String> environment) {
        this.hostEnvironment = Map.copyOf(environment);
        return this;
    }

    /**
     * @return the backend, not started; its agents' directories are read (ledgers) but no task is
     *     touched until {@link LocalBackend#start} or {@link LocalBackend#destroyAll}
     * @throws IllegalArgumentException if the agents' addresses would go beyond 127.0.0.254
     * @throws IllegalStateException    if {@code setsid} is not installed
     */
    public LocalBackend build() {
        if (firstAddress + agents - 1 > 254) {
            throw new IllegalArgumentException(agents + " agents from 127.0.0." + firstAddress + " go beyond 127.0.0.254");
        }
        return new DefaultLocalBackend(this);
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
