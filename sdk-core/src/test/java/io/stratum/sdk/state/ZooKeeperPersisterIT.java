package io.stratum.sdk.state;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link PersisterContract} for the ZooKeeper persister, on a real embedded server. */
class ZooKeeperPersisterIT extends PersisterContract {
    @RegisterExtension
    static final ZooKeeperExtension ZK = new ZooKeeperExtension();

    @Override
    protected Persister persister() {
        return ZK.client(ZooKeeperExtension.uniqueService()).persister();
    }
}
