package io.stratum.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --zookeeper} at an address where no ZooKeeper answers: after the connection timeout
 * the run ends with exit 1 (unreachable, not bad input) and one line naming {@code --zookeeper},
 * and leaves the work dir free for the next run.
 */
class UnreachableZooKeeperIT {
    @TempDir
    Path dir;

    @Test
    void aZooKeeperThatDoesNotAnswerIsNamedInOneLineAndExitsOne() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // closed again: nothing listens there
        }

        CliRun run = CliRun.of("run", Path.of("..", "examples", "hello-world", "svc.yml").toString(), "--work-dir",
                dir.resolve("work").toString(), "--api-port", "0", "--zookeeper", "127.0.0.1:" + port);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(StratumCli.INTERNAL);
        assertThat(run.err().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("stratum run: --zookeeper: no ZooKeeper server at 127.0.0.1:" + port + " answered")
                .doesNotContain("java.", "Exception"));
    }
}
