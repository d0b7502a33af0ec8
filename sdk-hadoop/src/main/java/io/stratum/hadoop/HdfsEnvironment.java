package io.stratum.hadoop;

import io.stratum.sdk.discovery.PodAddress;
import io.stratum.sdk.discovery.TaskContext;
import io.stratum.sdk.discovery.TaskEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What each HDFS task's {@code hdfs-site.xml} needs beyond the discovery variables, at every launch:
 * <ul>
 *   <li>{@value #QJOURNAL_URI}: the journal quorum the name nodes keep their edit log on,
 *       {@code qjournal://<journal-0 rpc>;<journal-1 rpc>;...;/<nameservice>};</li>
 *   <li>{@value #NAME_NODE_ID}, for the tasks of a name pod instance: its HA id,
 *       {@code name-<index>-node} (the DC/OS service's ids), which a name node and its ZKFC must be
 *       told: on one machine every 127.0.0.x is local, so Hadoop cannot infer it.</li>
 * </ul>
 * Every task's config lists every journal node and both name nodes, so none launches before all of
 * them are placed (the deploy plan's reserve-only phases place them first): until then this refuses
 * with the instances missing, which leaves the step waiting with that reason. Stateless.
 */
final class HdfsEnvironment implements TaskEnvironment {
    static final String QJOURNAL_URI = "QJOURNAL_URI";
    static final String NAME_NODE_ID = "NAME_NODE_ID";
    /** The journal node port the name nodes write their edits to. */
    static final String JOURNAL_RPC = "journal-rpc";
    /** The name node ports (and the ZKFC's) every hdfs-site.xml names. */
    static final List<String> NAME_PORTS = List.of("name-rpc", "name-http", "zkfc-port");

    @Override
    public Map<String, String> variables(TaskContext task) {
        int journals = journalCount(task);
        List<String> missing = new ArrayList<>();
        List<String> quorum = new ArrayList<>();
        for (int i = 0; i < journals; i++) {
            var journal = task.instance(Hdfs.JOURNAL, i);
            if (journal.isEmpty() || !journal.get().ports().containsKey(JOURNAL_RPC)) {
                missing.add(Hdfs.JOURNAL + "-" + i);
            } else {
                quorum.add(journal.get().endpoint(JOURNAL_RPC));
            }
        }
        for (int i = 0; i < Hdfs.NAME_NODES; i++) {
            var name = task.instance(Hdfs.NAME, i);
            if (name.isEmpty() || !name.get().ports().keySet().containsAll(NAME_PORTS)) {
                missing.add(Hdfs.NAME + "-" + i);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(task.podInstanceName() + "-" + task.taskName() + " waits for "
                    + String.join(", ", missing) + " to be placed: its hdfs-site.xml lists every journal and name node"
                    + " (placed: " + placed(task) + ")");
        }
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(QJOURNAL_URI, "qjournal://" + String.join(";", quorum) + "/" + nameservice(task));
        if (task.podType().equals(Hdfs.NAME)) {
            variables.put(NAME_NODE_ID, nameNodeId(task.index()));
        }
        return variables;
    }

    /** @return the HA id of name node {@code index}, as in the DC/OS service */
    static String nameNodeId(int index) {
        return Hdfs.NAME + "-" + index + "-" + Hdfs.NODE;
    }

    private static int journalCount(TaskContext task) {
        String count = task.environment().get("JOURNAL_NODES");
        try {
            return Integer.parseInt(count == null ? "" : count.strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(task.podInstanceName() + "-" + task.taskName()
                    + ": JOURNAL_NODES is '" + count + "' in its environment, not a number of journal nodes");
        }
    }

    private static String nameservice(TaskContext task) {
        String nameservice = task.environment().get("NAMESERVICE");
        if (nameservice == null || nameservice.isBlank()) {
            throw new IllegalStateException(task.podInstanceName() + "-" + task.taskName()
                    + ": no NAMESERVICE in its environment");
        }
        return nameservice;
    }

    private static String placed(TaskContext task) {
        String placed = task.instances().stream().map(PodAddress::name).collect(Collectors.joining(", "));
        return placed.isEmpty() ? "none" : placed;
    }
}
