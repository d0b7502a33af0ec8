package io.stratum.sdk.internal.state;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The schema version node and the per-service namespace. */
class SchemaVersionIT {
    @RegisterExtension
    static final ZooKeeperExtension ZK = new ZooKeeperExtension();

    @Test
    void aNewNamespaceGetsTheCurrentVersion() throws Exception {
        ZooKeeperClient client = ZK.client(ZooKeeperExtension.uniqueService());
        CuratorFramework curator = ((CuratorClient) client).curator();
        assertThat(new String(curator.getData().forPath(SchemaVersion.PATH), UTF_8))
                .isEqualTo(Integer.toString(ZooKeeperClient.SCHEMA_VERSION));
    }

    @Test
    void stateWrittenByANewerSchemaIsRefused() throws Exception {
        String service = ZooKeeperExtension.uniqueService();
        ZooKeeperClient first = ZK.client(service);
        first.persister().set("/tasks/t", new byte[] {1});
        ((CuratorClient) first).curator().setData().forPath(SchemaVersion.PATH, "7".getBytes(UTF_8));

        ZooKeeperClient second = ZK.track(ZK.builder(service).build()).client();
        assertThatThrownBy(second::start)
                .isInstanceOf(PersisterException.class)
                .hasMessageContaining("schema version 7")
                .hasMessageContaining("up to " + ZooKeeperClient.SCHEMA_VERSION)
                .hasMessageContaining("newer Stratum")
                .satisfies(e -> assertThat(((PersisterException) e).reason())
                        .isEqualTo(PersisterException.Reason.SCHEMA_MISMATCH));
        assertThatThrownBy(second::persister).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(second::start).isInstanceOf(IllegalStateException.class);
        assertThat(first.persister().exists("/tasks/t")).isTrue();
    }

    @Test
    void serviceNamesWithSlashesAreOneNamespaceEach() {
        String group = ZooKeeperExtension.uniqueService();
        ZooKeeperClient nested = ZK.client("/" + group + "/svc");
        ZooKeeperClient parent = ZK.client(group);
        assertThat(nested.namespace()).isEqualTo("/stratum/" + group + "%2Fsvc");
        assertThat(ZK.client(group + "/svc").namespace()).isEqualTo(nested.namespace());
        nested.persister().set("/framework-id", new byte[] {1});
        assertThat(parent.persister().exists("/framework-id")).isFalse();
    }

    @Test
    void deletingTheNamespaceRemovesTheServiceNodeAndNoOther() throws Exception {
        String service = ZooKeeperExtension.uniqueService();
        String other = ZooKeeperExtension.uniqueService();
        ZooKeeperClient client = ZK.client(service);
        client.persister().set("/tasks/t", new byte[] {1});
        ZK.client(other).persister().set("/tasks/t", new byte[] {2});
        CuratorFramework root = ((CuratorClient) client).curator().usingNamespace(null);
        assertThat(root.checkExists().forPath("/stratum/" + service)).isNotNull();

        client.deleteNamespace();

        assertThat(root.checkExists().forPath("/stratum/" + service)).isNull();
        assertThat(root.checkExists().forPath("/stratum/" + other + "/data")).isNotNull();
    }

    @Test
    void theTasksNodeIsCreatedEmptyHoldsNoStateAndGoesWithTheNamespace() throws Exception {
        String service = ZooKeeperExtension.uniqueService() + "/group";
        ZooKeeperClient client = ZK.client(service);
        CuratorFramework root = ((CuratorClient) client).curator().usingNamespace(null);
        String tasks = client.tasksPath();
        assertThat(tasks).isEqualTo(client.namespace() + "/tasks").isEqualTo(ZooKeeperClient.tasksPathOf(service))
                .endsWith("%2Fgroup/tasks");
        assertThat(root.getChildren().forPath(tasks)).as("created empty at start").isEmpty();

        client.persister().set("/tasks/t", new byte[] {1}); // the state store's tasks: under data, not here
        root.create().creatingParentsIfNeeded().forPath(tasks + "/hdfs/ActiveStandbyElectorLock", new byte[] {2});
        assertThat(root.getChildren().forPath(tasks)).containsExactly("hdfs");
        assertThat(client.persister().children("/")).as("the persister's view").doesNotContain("hdfs");
        assertThat(client.persister().children("/tasks")).containsExactly("t");

        ZooKeeperClient again = ZK.client(service); // a later start leaves what tasks wrote alone
        assertThat(root.checkExists().forPath(again.tasksPath() + "/hdfs/ActiveStandbyElectorLock")).isNotNull();

        client.deleteNamespace();
        assertThat(root.checkExists().forPath(tasks)).isNull();
        assertThat(root.checkExists().forPath(client.namespace())).isNull();
    }
}
