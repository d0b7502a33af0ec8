package io.stratum.sdk.service;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run a service: the flags of {@code stratum run}. A bad value is an
 * {@link IllegalArgumentException} whose message starts with the flag ({@code --api-port: ...}).
 *
 * @param workDir   where the embedded ZooKeeper, the local agents and their tasks keep their data
 * @param apiPort   the API's port (0 picks a free one)
 * @param apiToken  a bearer token required by mutating API calls, or null
 * @param agents    the number of local agents
 * @param zookeeper {@code host:port} of an external ZooKeeper, or null for the embedded one
 * @param mesos     a Mesos master ({@code http://host:5050}) or ZooKeeper to find it in
 *                  ({@code zk://host:2181/mesos}) to run on, or null for the local agents
 * @param apiHost   the address the API listens on: {@code 127.0.0.1} (loopback only) or another
 *                  address of this machine, {@code 0.0.0.0} for all
 * @param apiUrl    the API's URL as Mesos agents reach it, to fetch config files from; null for
 *                  {@code http://<apiHost>:<port>} (this machine's name when {@code apiHost} is 0.0.0.0)
 * @param mesosFailoverTimeout how long Mesos keeps the tasks while no scheduler is subscribed, or
 *                  null for the backend's default (4 weeks)
 * @param local     the local agents' MOUNT disks, GPUs and static reservations (ignored on Mesos)
 */
public record RunOptions(Path workDir, int apiPort, String apiToken, int agents, String zookeeper, String mesos,
        String apiHost, URI apiUrl, Duration mesosFailoverTimeout, LocalResources local) {
    /** The API's address unless told otherwise: loopback. */
    public static final String LOOPBACK = "127.0.0.1";

    public RunOptions {
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(apiHost, "apiHost");
        if (apiPort < 0 || apiPort > 65_535) {
            throw new IllegalArgumentException("--api-port: must be 0-65535, got " + apiPort);
        }
        if (agents < 1 || agents > 200) {
            throw new IllegalArgumentException("--agents: must be 1-200, got " + agents);
        }
        if (apiUrl != null && (!("http".equals(apiUrl.getScheme()) || "https".equals(apiUrl.getScheme()))
                || apiUrl.getHost() == null)) {
            throw new IllegalArgumentException("--api-url: expected http://HOST:PORT, got '" + apiUrl + "'");
        }
        if (mesosFailoverTimeout != null && mesosFailoverTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("--mesos-failover-timeout: must be at least 1s, got " + mesosFailoverTimeout);
        }
    }

    /** Options with the default local resources ({@link LocalResources#defaults()}). */
    public RunOptions(Path workDir, int apiPort, String apiToken, int agents, String zookeeper, String mesos,
            String apiHost, URI apiUrl, Duration mesosFailoverTimeout) {
        this(workDir, apiPort, apiToken, agents, zookeeper, mesos, apiHost, apiUrl, mesosFailoverTimeout,
                LocalResources.defaults());
    }

    /** @return these options with the local agents offering {@code local} */
    public RunOptions withLocal(LocalResources local) {
        return new RunOptions(workDir, apiPort, apiToken, agents, zookeeper, mesos, apiHost, apiUrl, mesosFailoverTimeout,
                local);
    }

    /** Options with the API at {@code apiHost}, reached at {@code apiUrl}, and the default failover timeout. */
    public RunOptions(Path workDir, int apiPort, String apiToken, int agents, String zookeeper, String mesos,
            String apiHost, URI apiUrl) {
        this(workDir, apiPort, apiToken, agents, zookeeper, mesos, apiHost, apiUrl, null);
    }

    /** Options with the API on loopback at its own address. */
    public RunOptions(Path workDir, int apiPort, String apiToken, int agents, String zookeeper, String mesos) {
        this(workDir, apiPort, apiToken, agents, zookeeper, mesos, LOOPBACK, null);
    }

    /** Options for the local agents (no Mesos). */
    public RunOptions(Path workDir, int apiPort, String apiToken, int agents, String zookeeper) {
        this(workDir, apiPort, apiToken, agents, zookeeper, null);
    }
}
