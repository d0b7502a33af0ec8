package io.stratum.sdk.backend.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.backend.BackendListener;
import io.stratum.sdk.backend.TaskStatusUpdate;
import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.backend.TaskState;
import io.stratum.sdk.backend.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusUpdatesTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final List<TaskStatusUpdate> sent = new ArrayList<>();
    private Instant now = T0;
    private final StatusUpdates updates = new StatusUpdates(channel(), () -> now);

    private ListenerChannel channel() {
        ListenerChannel channel = new ListenerChannel();
        channel.connect(new BackendListener() {
            @Override
            public void registered(String frameworkId) {}

            @Override
            public void offers(List<Offer> offers) {}

            @Override
            public void rescinded(String offerId) {}

            @Override
            public void statusUpdate(TaskStatusUpdate update) {
                sent.add(update);
            }

            @Override
            public void agentLost(String agentId) {}
        });
        return channel;
    }

    private static TaskStatus status(String taskId, TaskState state) {
        return TaskStatus.of(taskId, state, T0);
    }

    @Test
    void unacknowledgedUpdatesAreSentAgainOldestFirstOnceTheirTimeHasCome() {
        updates.send(status("a", TaskState.STARTING), "agent");
        updates.send(status("a", TaskState.RUNNING), "agent");

        updates.redeliver(Duration.ofSeconds(5));
        assertThat(sent).hasSize(2);

        now = T0.plusSeconds(5);
        updates.redeliver(Duration.ofSeconds(5));
        assertThat(sent).extracting(u -> u.status().state())
                .containsExactly(TaskState.STARTING, TaskState.RUNNING, TaskState.STARTING, TaskState.RUNNING);
        assertThat(sent.get(2)).isEqualTo(sent.get(0));
    }

    @Test
    void acknowledgingAnUpdateForgetsItAndTheTasksOlderOnes() {
        updates.send(status("a", TaskState.STARTING), "agent");
        updates.send(status("b", TaskState.STARTING), "agent");
        updates.send(status("a", TaskState.RUNNING), "agent");

        assertThat(updates.acknowledge(sent.get(2))).contains(sent.get(2));
        assertThat(updates.acknowledge(sent.get(0))).isEmpty();
        now = T0.plusSeconds(60);
        updates.redeliver(Duration.ofSeconds(5));

        assertThat(sent.subList(3, sent.size())).containsExactly(sent.get(1));
    }

    @Test
    void reconciliationAnswersCarryNoAckIdAndAreNotSentAgain() {
        updates.answer(status("a", TaskState.LOST), Optional.empty());
        now = T0.plusSeconds(60);
        updates.redeliver(Duration.ofSeconds(5));

        assertThat(sent).singleElement().satisfies(u -> assertThat(u.ackId()).isEmpty());
    }
}
