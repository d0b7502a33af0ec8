package io.stratum.sdk.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@link PersisterContract} for the ZooKeeper persister on a real embedded server (the
 * inherited tests), plus what is particular to it.
 */
class ZooKeeperPersisterIT extends PersisterContract {
    @RegisterExtension
    static final ZooKeeperExtension ZK = new ZooKeeperExtension();

    @Override
    protected Persister persister() {
        return ZK.client(ZooKeeperExtension.uniqueService()).persister();
    }

    @Test
    void aNewClientOfTheSameServiceSeesTheValuesAndAnotherServiceDoesNot() {
        String service = ZooKeeperExtension.uniqueService();
        ZK.client(service).persister().set("/tasks/a", "running".getBytes(StandardCharsets.UTF_8));

        assertThat(ZK.client(service).persister().get("/tasks/a"))
                .hasValueSatisfying(v -> assertThat(new String(v, StandardCharsets.UTF_8)).isEqualTo("running"));
        assertThat(ZK.client(ZooKeeperExtension.uniqueService()).persister().exists("/tasks/a")).isFalse();
    }
}
