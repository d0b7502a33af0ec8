package io.stratum.sdk.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.sdk.spec.ServiceSpec;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConfigStoreTest {
    private final ConfigStore store = ConfigStore.of(Persister.inMemory());

    @Test
    void aServiceSpecRoundTrips() {
        ServiceSpec spec = StateFixtures.spec("hello-world", 3);
        UUID id = store.store(spec);
        assertThat(store.fetch(id)).contains(spec);
        assertThat(store.list()).containsExactly(id);
        assertThat(store.targetId()).isEmpty();
    }

    @Test
    void theTargetIsSetAndFetched() {
        UUID first = store.storeAsTarget(StateFixtures.spec("hello-world", 1));
        UUID second = store.store(StateFixtures.spec("hello-world", 2));
        assertThat(store.targetId()).contains(first);
        store.setTarget(second);
        assertThat(store.targetId()).contains(second);
        assertThat(store.fetchTarget().orElseThrow().pod("hello").count()).isEqualTo(2);
    }

    @Test
    void anUnknownTargetIsRefused() {
        UUID stranger = UUID.randomUUID();
        assertThatThrownBy(() -> store.setTarget(stranger))
                .isInstanceOf(PersisterException.class)
                .hasMessageContaining(stranger.toString());
    }

    @Test
    void deleteUnusedKeepsTheTargetAndConfigsInUse() {
        UUID old = store.store(StateFixtures.spec("hello-world", 1));
        UUID inUse = store.store(StateFixtures.spec("hello-world", 2));
        UUID target = store.storeAsTarget(StateFixtures.spec("hello-world", 3));
        assertThat(store.deleteUnused(List.of(inUse))).containsExactly(old);
        assertThat(store.list()).containsExactlyInAnyOrder(inUse, target);
        assertThat(store.fetch(old)).isEmpty();
    }
}
