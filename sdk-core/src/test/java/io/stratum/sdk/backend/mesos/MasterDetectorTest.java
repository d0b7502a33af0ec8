package io.stratum.sdk.backend.mesos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.sdk.internal.state.EmbeddedZooKeeper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterDetectorTest {
    @TempDir
    Path dir;

    @Test
    void aFixedAddressIsTheLeaderWithOrWithoutScheme() throws Exception {
        assertThat(MasterDetector.of("master-1:5050", Duration.ofSeconds(1)).leader()).isEqualTo(URI.create("http://master-1:5050"));
        assertThat(MasterDetector.of("https://m:5050/some/path", Duration.ofSeconds(1)).leader())
                .isEqualTo(URI.create("https://m:5050"));
        assertThatThrownBy(() -> MasterDetector.of("ftp://m:5050", Duration.ofSeconds(1)))
                .hasMessageContaining("not a Mesos master address");
    }

    @Test
    void aRedirectLocationMayLackSchemeOrBeSchemeRelative() {
        URI from = URI.create("https://standby:5050");

        assertThat(MasterDetector.redirect(from, "//leader:5050/api/v1/scheduler")).isEqualTo(URI.create("https://leader:5050"));
        assertThat(MasterDetector.redirect(from, "leader:5050")).isEqualTo(URI.create("https://leader:5050"));
        assertThat(MasterDetector.redirect(from, "http://leader:5051/master")).isEqualTo(URI.create("http://leader:5051"));
    }

    @Test
    void theContenderWithTheLowestSequenceInZooKeeperLeads() throws Exception {
        try (EmbeddedZooKeeper zk = EmbeddedZooKeeper.builder(dir).build().start();
                CuratorFramework client = CuratorFrameworkFactory.newClient(zk.connectString(), new RetryOneTime(100))) {
            client.start();
            create(client, "/mesos/json.info_0000000012", "{\"address\":{\"hostname\":\"m2\",\"ip\":\"10.0.0.2\",\"port\":5050}}");
            create(client, "/mesos/json.info_0000000007", "{\"address\":{\"ip\":\"10.0.0.1\",\"port\":5051}}");
            create(client, "/mesos/log_replicas", "");

            try (MasterDetector detector = MasterDetector.of("zk://" + zk.connectString() + "/mesos", Duration.ofSeconds(5))) {
                assertThat(detector.leader()).isEqualTo(URI.create("http://10.0.0.1:5051"));
                client.delete().forPath("/mesos/json.info_0000000007");
                assertThat(detector.leader()).isEqualTo(URI.create("http://m2:5050"));
            }
        }
    }

    private static void create(CuratorFramework client, String path, String data) throws Exception {
        client.create().creatingParentsIfNeeded().forPath(path, data.getBytes(StandardCharsets.UTF_8));
    }
}
