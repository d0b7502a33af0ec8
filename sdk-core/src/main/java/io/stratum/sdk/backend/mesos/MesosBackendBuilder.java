package io.stratum.sdk.backend.mesos;

import io.stratum.sdk.backend.ArtifactStore;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
public final class MesosBackendBuilder {
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

    MesosBackendBuilder(String master) {
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
    public MesosBackendBuilder withFrameworkName(String name) {
        this.frameworkName = requireText(name, "name");
        return this;
    }

    /** @param user the OS user tasks run as on the agents */
    public MesosBackendBuilder withUser(String user) {
        this.user = requireText(user, "user");
        return this;
    }

    /** @param role the role reservations are made for; the offer evaluator's role */
    public MesosBackendBuilder withRole(String role) {
        this.role = requireText(role, "role");
        return this;
    }

    /**
     * @param roles roles whose statically reserved resources pods use ({@code pre-reserved-role});
     *              the framework also subscribes to {@code <role>/<our role>} for each
     */
    public MesosBackendBuilder withPreReservedRoles(Set<String> roles) {
        this.preReservedRoles = Set.copyOf(roles);
        return this;
    }

    /** @param principal the principal the framework authenticates and reserves as; the evaluator's principal */
    public MesosBackendBuilder withPrincipal(String principal) {
        this.principal = requireText(principal, "principal");
        return this;
    }

    /** @param timeout how long Mesos keeps the tasks while no scheduler is subscribed; at least 1 s */
    public MesosBackendBuilder withFailoverTimeout(Duration timeout) {
        this.failoverTimeout = atLeast(timeout, Duration.ofSeconds(1), "failover timeout");
        return this;
    }

    /** Sends HTTP basic credentials with every request (for masters with {@code --authenticate_http_frameworks}). */
    public MesosBackendBuilder withCredentials(String principal, String secret) {
        this.credentials = Optional.of(requireText(principal, "principal") + ":" + Objects.requireNonNull(secret, "secret"));
        return this;
    }

    /** @param misses how many heartbeat intervals may pass without any event before re-subscribing; at least 2 */
    public MesosBackendBuilder withHeartbeatMisses(int misses) {
        if (misses < 2) {
            throw new IllegalArgumentException("heartbeat misses must be at least 2, got " + misses);
        }
        this.heartbeatMisses = misses;
        return this;
    }

    /** The wait before re-subscribing: {@code initial}, doubling after each failed attempt, at most {@code max}. */
    public MesosBackendBuilder withBackoff(Duration initial, Duration max) {
        this.backoffInitial = atLeast(initial, Duration.ofMillis(1), "initial backoff");
        this.backoffMax = atLeast(max, initial, "max backoff");
        return this;
    }

    /** @param timeout how long a call, or a subscription until SUBSCRIBED, may take; at least 100 ms */
    public MesosBackendBuilder withRequestTimeout(Duration timeout) {
        this.requestTimeout = atLeast(timeout, Duration.ofMillis(100), "request timeout");
        return this;
    }

    /** @param bytes the largest event accepted (a larger one means a broken stream); at least 1 KiB */
    public MesosBackendBuilder withMaxEventBytes(long bytes) {
        if (bytes < 1024 || bytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("max event bytes must be 1024 to " + (Integer.MAX_VALUE - 8) + ", got " + bytes);
        }
        this.maxEventBytes = bytes;
        return this;
    }

    /** What a default executor takes unreserved from the offer when its launch reserved none; each greater than 0. */
    public MesosBackendBuilder withDefaultExecutorResources(double cpus, double memMb, double diskMb) {
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
    public MesosBackendBuilder withArtifacts(ArtifactStore store) {
        this.artifacts = Objects.requireNonNull(store, "store");
        return this;
    }

    /** @param clock the time source for heartbeat and subscription timeouts */
    public MesosBackendBuilder withClock(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** @return the backend, not started */
    public MesosBackend build() {
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
