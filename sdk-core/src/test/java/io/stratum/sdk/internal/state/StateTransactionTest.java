package io.stratum.sdk.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StateTransactionTest {
    private final Persister persister = Persister.inMemory();

    @Test
    void writesOfSeveralStoresCommitTogether() {
        StateTransaction tx = StateTransaction.on(persister);
        StateStore.of(tx.persister()).storeTasks(List.of(StateFixtures.task("hello", 0)));
        PlanStore.of(tx.persister()).store("deploy", new byte[] {1});
        assertThat(StateStore.of(persister).fetchTasks()).isEmpty();
        assertThat(tx.pending().operations()).hasSize(2);

        tx.commit();
        assertThat(StateStore.of(persister).fetchTaskNames()).containsExactly("hello-0-server");
        assertThat(PlanStore.of(persister).fetch("deploy")).isPresent();
        assertThatThrownBy(tx::commit).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFailingCommitWritesNothing() {
        PlanStore.of(persister).store("deploy", new byte[] {1});
        StateTransaction tx = StateTransaction.on(persister);
        StateStore.of(tx.persister()).storeTasks(List.of(StateFixtures.task("hello", 0)));
        tx.persister().delete("/plans/deploy");
        PlanStore.of(persister).delete("deploy");

        assertThatThrownBy(tx::commit).isInstanceOf(PersisterException.class);
        assertThat(StateStore.of(persister).fetchTasks()).isEmpty();
    }

    @Test
    void deletingWhatDoesNotExistFailsAtOnce() {
        StateTransaction tx = StateTransaction.on(persister);
        assertThat(PlanStore.of(tx.persister()).delete("never")).isFalse();
        assertThat(tx.pending().isEmpty()).isTrue();
    }
}
