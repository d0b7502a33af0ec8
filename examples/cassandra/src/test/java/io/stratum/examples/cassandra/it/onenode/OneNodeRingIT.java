package io.stratum.examples.cassandra.it.onenode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import com.fasterxml.jackson.databind.JsonNode;
import io.stratum.examples.cassandra.it.RealRing;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A one-node ring run by the framework on the local backend: it deploys to COMPLETE once the node
 * is UN, takes writes and reads through the Java driver, and a {@code kill -9} of the node's JVM
 * is followed by a relaunch in place, on the same volume: UN again, every row still there.
 */
class OneNodeRingIT {
    private static final int ROWS = 1_000;

    @RegisterExtension
    final RealRing ring = new RealRing();

    @TempDir
    Path dir;

    @Test
    void aNodeDeploysTakesWritesAndSurvivesKill9WithItsData() throws Exception {
        long started = System.nanoTime();
        ring.start(dir.resolve("work"), 1, Map.of());
        ring.awaitPlanComplete("deploy", RealRing.NODE_WAIT);
        double deploySeconds = (System.nanoTime() - started) / 1e9;

        JsonNode server = ring.task("node-0", "server").orElseThrow();
        String address = server.path("address").asText();
        assertThat(server.path("readiness").asText()).isEqualTo("PASSED");
        assertThat(ring.nodeScript(server, "nodetool", "status")).containsPattern("UN  " + address.replace(".", "\\.") + " ");
        ProcessHandle daemon = ring.daemon(server);
        long rssMb = RealRing.residentMb(daemon);

        try (CqlSession session = ring.session(address)) {
            Node node = session.getMetadata().getNodes().values().iterator().next();
            assertThat(session.getMetadata().getNodes()).hasSize(1);
            assertThat(node.getState()).isEqualTo(NodeState.UP);
            assertThat(node.getDatacenter()).isEqualTo(RealRing.DATA_CENTER);
            assertThat(node.getRack()).isEqualTo("rack1");
            assertThat(session.execute("SELECT cluster_name FROM system.local").one().getString(0)).isEqualTo("cassandra");

            session.execute("CREATE KEYSPACE shop WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
            session.execute("CREATE TABLE shop.items (id int PRIMARY KEY, name text)");
            PreparedStatement insert = session.prepare("INSERT INTO shop.items (id, name) VALUES (?, ?)");
            for (int i = 0; i < ROWS; i++) {
                session.execute(insert.bind(i, "item-" + i).setConsistencyLevel(ConsistencyLevel.QUORUM));
            }
            assertThat(readAll(session)).hasSize(ROWS).containsEntry(7, "item-7").containsEntry(999, "item-999");
        }

        String firstId = server.path("id").asText();
        long killed = System.nanoTime();
        daemon.destroyForcibly(); // SIGKILL: no drain, no flush; the commit log holds the rows
        await("node-0-server relaunched and ready").atMost(RealRing.NODE_WAIT).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions().until(() -> {
                    JsonNode task = ring.task("node-0", "server").orElseThrow();
                    return !task.path("id").asText().equals(firstId) && task.path("readiness").asText().equals("PASSED");
                });
        double recoverySeconds = (System.nanoTime() - killed) / 1e9;

        JsonNode relaunched = ring.task("node-0", "server").orElseThrow();
        assertThat(relaunched.path("agent").asText()).isEqualTo(server.path("agent").asText());
        assertThat(relaunched.path("address").asText()).isEqualTo(address);
        try (CqlSession session = ring.session(address)) {
            assertThat(readAll(session)).hasSize(ROWS).containsEntry(0, "item-0").containsEntry(999, "item-999");
        }
        System.out.printf("one-node ring: deploy COMPLETE %.1f s after start, node RSS %d MB (heap %s),"
                + " UN again %.1f s after kill -9%n", deploySeconds, rssMb, ring.option("HEAP"), recoverySeconds);

        ring.uninstall();
        assertThat(ring.processesUnderWorkDir()).isEmpty();
    }

    private static Map<Integer, String> readAll(CqlSession session) {
        Map<Integer, String> rows = new HashMap<>();
        for (Row row : session.execute(com.datastax.oss.driver.api.core.cql.SimpleStatement
                .newInstance("SELECT id, name FROM shop.items").setConsistencyLevel(ConsistencyLevel.QUORUM)
                .setPageSize(500))) {
            rows.put(row.getInt("id"), row.getString("name"));
        }
        return rows;
    }
}
