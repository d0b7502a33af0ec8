package io.stratum.sdk.state;

/** The {@link PersisterContract} for {@link Persister#inMemory()}. */
class InMemoryPersisterTest extends PersisterContract {
    @Override
    protected Persister persister() {
        return Persister.inMemory();
    }
}
