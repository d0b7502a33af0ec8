package io.stratum.hadoop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.sdk.discovery.PodAddress;
import io.stratum.sdk.discovery.ServiceZooKeeper;
import io.stratum.sdk.discovery.TaskContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HdfsEnvironmentTest {
    private static final Map<String, Long> JOURNAL_PORTS = Map.of("journal-rpc", 8485L, "journal-http", 8480L);
    private static final Map<String, Long> NAME_PORTS = Map.of("name-rpc", 9001L, "name-http", 9002L, "zkfc-port", 8019L);

    private static List<PodAddress> everyJournalAndNameNode() {
        List<PodAddress> placed = new ArrayList<>();
        // placed in any order: the quorum is by index
        placed.add(new PodAddress("journal", 2, "127.0.0.4", JOURNAL_PORTS));
        placed.add(new PodAddress("journal", 0, "127.0.0.2", JOURNAL_PORTS));
        placed.add(new PodAddress("journal", 1, "127.0.0.3", JOURNAL_PORTS));
        placed.add(new PodAddress("name", 0, "127.0.0.2", NAME_PORTS));
        placed.add(new PodAddress("name", 1, "127.0.0.3", NAME_PORTS));
        return placed;
    }

    private static TaskContext task(String pod, int index, String taskName, List<PodAddress> placed) {
        return new TaskContext("hdfs", pod, index, taskName, "127.0.0.2", Map.of(),
                Map.of("JOURNAL_NODES", "3", "NAMESERVICE", "hdfs"), placed, Optional.empty(),
                new ServiceZooKeeper("127.0.0.1:2181", "/stratum/hdfs/tasks"));
    }

    @Test
    void theQuorumListsEveryJournalNodeByIndexUnderTheNameservice() {
        Map<String, String> variables = new HdfsEnvironment().variables(task("data", 0, "node", everyJournalAndNameNode()));

        assertThat(variables).containsExactly(
                Map.entry("QJOURNAL_URI", "qjournal://127.0.0.2:8485;127.0.0.3:8485;127.0.0.4:8485/hdfs"));
    }

    @Test
    void aNameNodeAndItsZkfcAreToldTheirHaId() {
        HdfsEnvironment environment = new HdfsEnvironment();

        assertThat(environment.variables(task("name", 1, "zkfc", everyJournalAndNameNode())))
                .containsEntry("NAME_NODE_ID", "name-1-node");
        assertThat(environment.variables(task("name", 0, "format", everyJournalAndNameNode())))
                .containsEntry("NAME_NODE_ID", "name-0-node");
        assertThat(environment.variables(task("journal", 0, "node", everyJournalAndNameNode())))
                .doesNotContainKey("NAME_NODE_ID");
    }

    @Test
    void aTaskWaitsUntilEveryJournalAndNameNodeIsPlaced() {
        List<PodAddress> placed = everyJournalAndNameNode();
        placed.removeIf(a -> a.name().equals("journal-1") || a.name().equals("name-1"));

        assertThatThrownBy(() -> new HdfsEnvironment().variables(task("journal", 0, "node", placed)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("journal-0-node waits for journal-1, name-1 to be placed")
                .hasMessageContaining("placed: journal-2, journal-0, name-0");
    }

    @Test
    void aNameNodeWhoseZkfcPortIsNotReservedYetCountsAsNotPlaced() {
        List<PodAddress> placed = everyJournalAndNameNode();
        placed.set(4, new PodAddress("name", 1, "127.0.0.3", Map.of("name-rpc", 9001L, "name-http", 9002L)));

        assertThatThrownBy(() -> new HdfsEnvironment().variables(task("data", 0, "node", placed)))
                .hasMessageStartingWith("data-0-node waits for name-1 to be placed");
    }
}
