package io.stratum.sdk.backend.local;

import io.stratum.sdk.internal.cluster.AgentLedger;
import io.stratum.sdk.internal.cluster.Cluster;
import io.stratum.sdk.resource.Agent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One agent: its address, its files, its {@link AgentLedger} in the {@link Cluster} (reservations
 * and volumes, written to its {@link LedgerFile}) and its {@link TaskLauncher}. Thread-safe as its
 * parts are; the backend uses it from its one thread.
 */
final class LocalAgent {
    static final String ID_PREFIX = "local-agent-";

    private final AgentLedger ledger;
    private final AgentDirs dirs;
    private final LedgerFile file;
    private final TaskLauncher launcher;
    private final JsonDirectory<LaunchRecord> launches;

    /**
     * Adds the agent to {@code cluster} with the reservations its ledger file holds.
     *
     * @param launcher makes the agent's launcher, given its directories
     */
    LocalAgent(Cluster cluster, Agent agent, AgentResources resources, AgentDirs dirs,
            Function<AgentDirs, TaskLauncher> launcher) {
        this.dirs = dirs;
        this.file = new LedgerFile(dirs);
        this.ledger = cluster.add(agent, resources.offered(dirs), file);
        this.ledger.restore(file.read());
        this.launcher = launcher.apply(dirs);
        this.launches = new JsonDirectory<>("launch record", dirs.launches(), LaunchRecord.class, dirs::launch);
    }

    /**
     * @return the agents the options describe, added to {@code cluster}: {@code local-agent-1} at
     *     {@code 127.0.0.<first>}, and so on, zones round-robin
     */
    static List<LocalAgent> all(LocalBackendBuilder options, Cluster cluster, Function<AgentDirs, TaskLauncher> launcher) {
        AgentResources resources = AgentResources.of(options);
        List<LocalAgent> agents = new ArrayList<>(options.agents);
        for (int i = 1; i <= options.agents; i++) {
            String id = ID_PREFIX + i;
            Agent agent = Agent.of(id, "127.0.0." + (options.firstAddress + i - 1));
            if (!options.zones.isEmpty()) {
                agent = agent.withFaultDomain(options.region, options.zones.get((i - 1) % options.zones.size()));
            }
            for (Map.Entry<String, String> attribute : options.attributes.entrySet()) {
                agent = agent.withAttribute(attribute.getKey(), attribute.getValue());
            }
            for (Map.Entry<String, String> attribute : options.agentAttributes.getOrDefault(i, Map.of()).entrySet()) {
                agent = agent.withAttribute(attribute.getKey(), attribute.getValue());
            }
            AgentResources own = options.agentGpus.containsKey(i) ? resources.withGpus(options.agentGpus.get(i)) : resources;
            agents.add(new LocalAgent(cluster, agent, own, AgentDirs.of(options.workDir, id), launcher));
        }
        return List.copyOf(agents);
    }

    String id() {
        return ledger.id();
    }

    /** @return the agent's loopback address, also its hostname */
    String address() {
        return ledger.agent().hostname();
    }

    Agent agent() {
        return ledger.agent();
    }

    AgentDirs dirs() {
        return dirs;
    }

    AgentLedger ledger() {
        return ledger;
    }

    TaskLauncher launcher() {
        return launcher;
    }

    JsonDirectory<LaunchRecord> launches() {
        return launches;
    }

    /** @return the directory of volume {@code persistenceId} (on the root disk or a MOUNT disk), existing or not */
    Path volumeDirectory(String persistenceId) {
        return ledger.volume(persistenceId).map(file::directory).orElseGet(() -> dirs.volume(persistenceId));
    }
}
