package io.stratum.sdk.internal.state;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link FrameworkStore}, {@link PlanStore} and {@link PropertyStore}. */
class SmallStoresTest {
    private final Persister persister = Persister.inMemory();

    /** A stand-in for the plan engine's progress document. */
    record Progress(String plan, List<String> completeSteps, Instant updated) {}

    @Test
    void theFrameworkIdIsStoredReplacedAndCleared() {
        FrameworkStore store = FrameworkStore.of(persister);
        assertThat(store.fetchFrameworkId()).isEmpty();
        store.storeFrameworkId("fw-1");
        store.storeFrameworkId("fw-2");
        assertThat(store.fetchFrameworkId()).contains("fw-2");
        assertThat(store.clearFrameworkId()).isTrue();
        assertThat(store.clearFrameworkId()).isFalse();
        assertThatThrownBy(() -> store.storeFrameworkId("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void planProgressIsKeptAsBytesOrJson() {
        PlanStore store = PlanStore.of(persister);
        Progress progress = new Progress("deploy", List.of("hello-0:[server]"), Instant.parse("2026-01-01T00:00:00Z"));
        store.storeJson("deploy", progress);
        store.store("recovery", "raw".getBytes(UTF_8));
        assertThat(store.fetchJson("deploy", Progress.class)).contains(progress);
        assertThat(store.fetch("recovery")).hasValueSatisfying(v -> assertThat(v).isEqualTo("raw".getBytes(UTF_8)));
        assertThat(store.keys()).containsExactly("deploy", "recovery");
        assertThat(store.fetchAll()).containsOnlyKeys("deploy", "recovery");
        assertThat(store.delete("recovery")).isTrue();
        assertThat(store.fetch("recovery")).isEmpty();
    }

    @Test
    void progressOfAnotherShapeIsCorrupt() {
        PlanStore store = PlanStore.of(persister);
        store.store("deploy", "[1,2]".getBytes(UTF_8));
        assertThatThrownBy(() -> store.fetchJson("deploy", Progress.class))
                .isInstanceOf(PersisterException.class)
                .hasMessageContaining("/plans/deploy");
    }

    @Test
    void propertiesTakeAnyKey() {
        PropertyStore store = PropertyStore.of(persister);
        store.store("suppressed", "true".getBytes(UTF_8));
        store.store("last/backup at", "x".getBytes(UTF_8));
        assertThat(store.keys()).containsExactly("last/backup at", "suppressed");
        assertThat(store.fetch("last/backup at")).isPresent();
        assertThat(store.delete("suppressed")).isTrue();
        assertThat(store.delete("suppressed")).isFalse();
        assertThat(store.keys()).containsExactly("last/backup at");
    }
}
