package io.stratum.examples.cassandra.it.daytwo;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.fasterxml.jackson.databind.JsonNode;
import io.stratum.examples.cassandra.it.RealRing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DC/OS Cassandra service's day-2 operations on a real node: the {@code repair} and
 * {@code cleanup} plans ({@code goal: ONCE} tasks in the node's pod, the keyspace a plan
 * parameter), and backup into a directory, truncate, restore from it: every row is back.
 */
class DayTwoPlansIT {
    private static final int ROWS = 300;
    private static final Duration PLAN_WAIT = Duration.ofMinutes(2);

    @RegisterExtension
    final RealRing ring = new RealRing();

    @TempDir
    Path dir;

    @Test
    void repairAndCleanupPlansRunNodetoolOnTheNodeAndBackupRestoreBringsTruncatedRowsBack() throws Exception {
        ring.start(dir.resolve("work"), 1, Map.of());
        ring.awaitPlanComplete("deploy", RealRing.NODE_WAIT);
        JsonNode server = ring.task("node-0", "server").orElseThrow();
        try (CqlSession session = ring.session(server.path("address").asText())) {
            writeRows(session);

            ring.runPlan("repair", Map.of("KEYSPACE", "shop"), PLAN_WAIT);
            ring.runPlan("cleanup", Map.of("KEYSPACE", "shop"), PLAN_WAIT);
            assertThat(ring.task("node-0", "repair").orElseThrow().path("state").asText()).isEqualTo("FINISHED");
            assertThat(count(session)).isEqualTo(ROWS);

            // backup and restore as the plans' tasks run them, from the node's sandbox (see backupAndRestorePlans)
            Path backups = dir.resolve("backups");
            Map<String, String> parameters = Map.of("BACKUP_DIR", backups.toString(), "SNAPSHOT_NAME", "monday");
            assertThat(ring.nodeScript(server, parameters, "backup"))
                    .contains("node-0: 1 tables backed up to " + backups.resolve("monday").resolve("node-0"));
            Path table = backups.resolve("monday").resolve("node-0").resolve("shop").resolve("items");
            try (Stream<Path> files = Files.list(table)) {
                assertThat(files.map(f -> f.getFileName().toString())).anyMatch(f -> f.endsWith("-Data.db"))
                        .contains("schema.cql");
            }

            session.execute("TRUNCATE shop.items");
            assertThat(count(session)).isZero();

            assertThat(ring.nodeScript(server, parameters, "restore")).contains("node-0: 1 tables restored");
            assertThat(count(session)).isEqualTo(ROWS);
            assertThat(session.execute("SELECT name FROM shop.items WHERE id = 42").one().getString(0))
                    .isEqualTo("item-42");
        }
        ring.uninstall();
        assertThat(ring.processesUnderWorkDir()).isEmpty();
    }

    @Test
    void backupAndRestorePlans() throws Exception {
        ring.start(dir.resolve("work"), 1, Map.of());
        ring.awaitPlanComplete("deploy", RealRing.NODE_WAIT);
        try (CqlSession session = ring.session(ring.task("node-0", "server").orElseThrow().path("address").asText())) {
            writeRows(session);
            Map<String, String> parameters = Map.of("BACKUP_DIR", dir.resolve("backups").toString(),
                    "SNAPSHOT_NAME", "monday");
            ring.runPlan("backup", parameters, PLAN_WAIT);
            session.execute("TRUNCATE shop.items");
            ring.runPlan("restore", parameters, PLAN_WAIT);
            assertThat(count(session)).isEqualTo(ROWS);
        }
    }

    private static void writeRows(CqlSession session) {
        session.execute("CREATE KEYSPACE shop WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        session.execute("CREATE TABLE shop.items (id int PRIMARY KEY, name text)");
        PreparedStatement insert = session.prepare("INSERT INTO shop.items (id, name) VALUES (?, ?)");
        for (int i = 0; i < ROWS; i++) {
            session.execute(insert.bind(i, "item-" + i));
        }
    }

    private static long count(CqlSession session) {
        return session.execute(SimpleStatement.newInstance("SELECT count(*) FROM shop.items")
                .setConsistencyLevel(ConsistencyLevel.ONE)).one().getLong(0);
    }
}
