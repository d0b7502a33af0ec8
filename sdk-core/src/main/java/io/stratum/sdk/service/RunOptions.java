package io.stratum.sdk.service;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to run a service: the flags of {@code stratum run}.
 *
 * @param workDir   where the embedded ZooKeeper, the local agents and their tasks keep their data
 * @param apiPort   the API's port on loopback (0 picks a free one)
 * @param apiToken  a bearer token required by mutating API calls, or null
 * @param agents    the number of local agents
 * @param zookeeper {@code host:port} of an external ZooKeeper, or null for the embedded one
 * @param mesos     a Mesos master ({@code http://host:5050}) or ZooKeeper to find it in
 *                  ({@code zk://host:2181/mesos}) to run on, or null for the local agents
 */
public record RunOptions(Path workDir, int apiPort, String apiToken, int agents, String zookeeper, String mesos) {
    public RunOptions {
        Objects.requireNonNull(workDir, "workDir");
        if (apiPort < 0 || apiPort > 65_535) {
            throw new IllegalArgumentException("--api-port must be 0-65535, got " + apiPort);
        }
        if (agents < 1 || agents > 200) {
            throw new IllegalArgumentException("--agents must be 1-200, got " + agents);
        }
    }

    /** Options for the local agents (no Mesos). */
    public RunOptions(Path workDir, int apiPort, String apiToken, int agents, String zookeeper) {
        this(workDir, apiPort, apiToken, agents, zookeeper, null);
    }
}
