package io.stratum.sdk.backend.local;

import io.stratum.sdk.internal.cluster.AgentLedger;
import io.stratum.sdk.internal.cluster.ClusterCore;
import io.stratum.sdk.resource.Agent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One agent: its {@link AgentLedger} in the {@link ClusterCore} (resources, reservations and volumes),
 * its files (the {@link LedgerFile} keeping its reservations, its launch records) and its
 * {@link TaskLauncher}. Thread-safe as its parts are; the backend uses it from its one thread.
 *
 * @param ledger   the agent in the cluster core
 * @param dirs     where its files are
 * @param file     its reservations and volumes on disk
 * @param launcher starts its tasks' processes and finds them again
 * @param launches what the backend must know of each launch ({@link LaunchRecord})
 */
record LocalAgent(AgentLedger ledger, AgentDirs dirs, LedgerFile file, TaskLauncher launcher,
        JsonDirectory<LaunchRecord> launches) {
    static final String ID_PREFIX = "local-agent-";

    /**
     * @return the agent, added to {@code cluster} with the reservations its ledger file holds
     * @param launcher makes the agent's launcher, given its directories
     */
    static LocalAgent create(ClusterCore cluster, Agent agent, AgentResources resources, AgentDirs dirs,
            Function<AgentDirs, TaskLauncher> launcher) {
        LedgerFile file = new LedgerFile(dirs);
        AgentLedger ledger = cluster.add(agent, resources.offered(dirs), file);
        ledger.restore(file.read());
        return new LocalAgent(ledger, dirs, file, launcher.apply(dirs),
                new JsonDirectory<>("launch record", dirs.launches(), LaunchRecord.class, dirs::launch));
    }

    /**
     * @return the agents the options describe, added to {@code cluster}: {@code local-agent-1} at
     *     {@code 127.0.0.<first>}, and so on, zones round-robin
     */
    static List<LocalAgent> all(LocalBackend.Builder options, ClusterCore cluster, Function<AgentDirs, TaskLauncher> launcher) {
        AgentResources resources = AgentResources.of(options);
        List<LocalAgent> agents = new ArrayList<>(options.agents);
        for (int i = 1; i <= options.agents; i++) {
            String id = ID_PREFIX + i;
            Agent agent = Agent.of(id, "127.0.0." + (options.firstAddress + i - 1));
            if (!options.zones.isEmpty()) {
                agent = agent.withFaultDomain(options.zones.region(), options.zones.zoneOf(i));
            }
            for (Map.Entry<String, String> attribute : options.attributes.entrySet()) {
                agent = agent.withAttribute(attribute.getKey(), attribute.getValue());
            }
            for (Map.Entry<String, String> attribute : options.agentAttributes.getOrDefault(i, Map.of()).entrySet()) {
                agent = agent.withAttribute(attribute.getKey(), attribute.getValue());
            }
            AgentResources own = options.agentGpus.containsKey(i) ? resources.withGpus(options.agentGpus.get(i)) : resources;
            agents.add(create(cluster, agent, own, AgentDirs.of(options.workDir, id), launcher));
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

    /** @return the directory of volume {@code persistenceId} (on the root disk or a MOUNT disk), existing or not */
    Path volumeDirectory(String persistenceId) {
        return ledger.volume(persistenceId).map(file::directory).orElseGet(() -> dirs.volume(persistenceId));
    }
}
