package io.stratum.sdk.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What a {@link ServiceZooKeeper} accepts, and the chroot and child paths it composes. */
class ServiceZooKeeperValuesTest {
    private final ServiceZooKeeper zk = new ServiceZooKeeper("10.0.0.1:2181,10.0.0.2:2181", "/stratum/hdfs/tasks");

    @Test
    void composesChildPathsAndChrootedConnectStrings() {
        assertThat(zk.path("hdfs")).isEqualTo("/stratum/hdfs/tasks/hdfs");
        assertThat(zk.path("hdfs/ha")).isEqualTo("/stratum/hdfs/tasks/hdfs/ha");
        assertThat(zk.chrooted("kafka")).isEqualTo("10.0.0.1:2181,10.0.0.2:2181/stratum/hdfs/tasks/kafka");
    }

    @Test
    void refusesPathsThatLeaveTheTasksNode() {
        for (String bad : new String[] {"", "/abs", "a//b", "..", "a/../b", ".", "a/"}) {
            assertThatThrownBy(() -> zk.path(bad)).as("'%s'", bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void refusesAChrootInTheConnectStringAndARelativePath() {
        assertThatThrownBy(() -> new ServiceZooKeeper("h:2181/chroot", "/p")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without a chroot");
        assertThatThrownBy(() -> new ServiceZooKeeper(" ", "/p")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ServiceZooKeeper("h:2181", "p")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ServiceZooKeeper("h:2181", "/p/")).isInstanceOf(IllegalArgumentException.class);
    }
}
