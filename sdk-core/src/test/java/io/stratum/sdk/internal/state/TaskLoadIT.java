package io.stratum.sdk.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A scheduler restarting over 10,000 tasks: connect, check the schema, read every task record. The
 * goal for the whole restart is under 2 s; this test prints the figures and only fails far beyond
 * that, since it shares two cores with other builds. The JMH benchmark is the real measurement.
 */
class TaskLoadIT {
    @RegisterExtension
    static final ZooKeeperExtension ZK = new ZooKeeperExtension();
    private static final int TASKS = 10_000;
    private static final int PER_BATCH = 1_000;

    @Test
    void tenThousandTasksLoadQuickly() {
        String service = ZooKeeperExtension.uniqueService();
        StateStore writer = StateStore.of(ZK.client(service).persister());
        long writeStart = System.nanoTime();
        for (int from = 0; from < TASKS; from += PER_BATCH) {
            List<TaskRecord> batch = new ArrayList<>(PER_BATCH);
            for (int i = from; i < from + PER_BATCH; i++) {
                batch.add(StateFixtures.running(StateFixtures.task("node", i)));
            }
            writer.storeTasks(batch);
        }
        Duration write = Duration.ofNanos(System.nanoTime() - writeStart);

        // warm-up read, so the figure measures ZooKeeper and parsing, not class loading and JIT
        assertThat(StateStore.of(ZK.client(service).persister()).fetchTasks()).hasSize(TASKS);

        long restartStart = System.nanoTime();
        ZooKeeperClient client = ZK.client(service);
        long readStart = System.nanoTime();
        List<TaskRecord> tasks = StateStore.of(client.persister()).fetchTasks();
        long end = System.nanoTime();

        assertThat(tasks).hasSize(TASKS);
        assertThat(tasks.get(0).lastStatus()).isPresent();
        Duration read = Duration.ofNanos(end - readStart);
        Duration restart = Duration.ofNanos(end - restartStart);
        System.out.printf("TaskLoadIT: wrote %d tasks in %d batches in %d ms; restart (connect + schema check + "
                        + "read all) %d ms, of which reading %d ms%n", TASKS, TASKS / PER_BATCH, write.toMillis(),
                restart.toMillis(), read.toMillis());
        assertThat(restart).isLessThan(Duration.ofSeconds(10));
    }
}
