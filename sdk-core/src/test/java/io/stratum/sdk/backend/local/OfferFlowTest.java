package io.stratum.sdk.backend.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stratum.sdk.internal.offer.EvaluationResult;
import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.internal.offer.PodRequest;
import io.stratum.sdk.backend.TaskState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Offers, declines, suppression and reconciliation, without launching anything. */
class OfferFlowTest {
    private static final Duration QUIET = Duration.ofMillis(500);

    @RegisterExtension
    final BackendFixtures fixtures = new BackendFixtures();
    private final BackendFixtures.Started started = fixtures.start();

    private long offersOf(String agentId) {
        return started.events().allOffers.stream().filter(o -> o.agent().id().equals(agentId)).count();
    }

    private Offer declineFirst(Duration refuseFor) {
        Offer offer = started.events().offers(2).get(0);
        started.events().used(offer.id());
        started.backend().decline(List.of(offer.id()), refuseFor);
        return offer;
    }

    @Test
    void anOutstandingOfferIsNotRepeated() throws InterruptedException {
        started.events().offers(2);
        Thread.sleep(QUIET.toMillis());

        assertThat(started.events().allOffers).hasSize(2);
    }

    @Test
    void aDeclinedAgentIsOfferedAgainOnceItsFilterExpires() throws InterruptedException {
        Offer declined = declineFirst(Duration.ofMillis(800));
        String agent = declined.agent().id();

        Thread.sleep(QUIET.toMillis());
        assertThat(offersOf(agent)).isEqualTo(1);
        Offer again = started.events().offer(agent, o -> !o.id().equals(declined.id()));
        assertThat(again.resources()).isEqualTo(declined.resources());
    }

    @Test
    void reviveClearsDeclineFilters() {
        Offer declined = declineFirst(Duration.ofHours(1));

        started.backend().revive();

        started.events().offer(declined.agent().id(), o -> !o.id().equals(declined.id()));
    }

    @Test
    void suppressStopsOffersAndReviveResumesThem() throws InterruptedException {
        List<Offer> offers = started.events().offers(2);
        started.backend().suppress();
        offers.forEach(o -> started.events().used(o.id()));
        started.backend().decline(offers.stream().map(Offer::id).toList(), Duration.ZERO);

        Thread.sleep(QUIET.toMillis());
        assertThat(started.events().allOffers).hasSize(2);

        started.backend().revive();
        await().atMost(Recorder.WAIT).until(() -> started.events().allOffers.size() == 4);
    }

    @Test
    void tasksLaunchedOnAnOfferNoLongerValidAreLost() {
        Offer offer = declineFirst(Duration.ofHours(1));
        EvaluationResult.Success success = (EvaluationResult.Success) fixtures.evaluator
                .evaluate(PodRequest.newInstance(fixtures.pod(1, "RUNNING", "sleep 1000", ""), 0), List.of(offer), List.of());
        String taskId = BackendFixtures.taskId(success);

        started.backend().accept(List.of(offer.id()), success.recommendations());

        assertThat(started.events().await(taskId, TaskState.DROPPED).message()).isEqualTo("offer no longer valid");
        assertThat(started.events().updates).singleElement().satisfies(u -> assertThat(u.ackId()).isEmpty());
        assertThat(fixtures.workDir.resolve("agents").resolve(offer.agent().id()).resolve("sandboxes")).doesNotExist();
    }

    @Test
    void reconcilingUnknownTasksAnswersLostWithoutAckId() {
        started.backend().reconcile(List.of("app-0-main__1", "app-0-main__2"));

        await().atMost(Recorder.WAIT).until(() -> started.events().updates.size() == 2);
        assertThat(started.events().updates).allSatisfy(u -> {
            assertThat(u.status().state()).isEqualTo(TaskState.LOST);
            assertThat(u.ackId()).isEmpty();
        });
    }
}
