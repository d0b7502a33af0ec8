package io.stratum.sdk.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The {@link PersisterContract} for {@link Persister#inMemory()} (the inherited tests), plus what
 * is particular to it.
 */
class InMemoryPersisterTest extends PersisterContract {
    @Override
    protected Persister persister() {
        return Persister.inMemory();
    }

    @Test
    void twoInMemoryPersistersShareNothing() {
        Persister first = Persister.inMemory();
        Persister second = Persister.inMemory();

        first.set("/a", "1".getBytes(StandardCharsets.UTF_8));

        assertThat(second.exists("/a")).isFalse();
    }
}
