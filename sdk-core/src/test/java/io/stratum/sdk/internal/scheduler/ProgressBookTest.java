package io.stratum.sdk.internal.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.internal.plan.ExecutionStrategy;
import io.stratum.sdk.internal.plan.Phase;
import io.stratum.sdk.internal.plan.Plan;
import io.stratum.sdk.internal.plan.PlanIds;
import io.stratum.sdk.internal.plan.PlanProgress;
import io.stratum.sdk.internal.plan.PodInstanceRequirement;
import io.stratum.sdk.internal.plan.RecoveryType;
import io.stratum.sdk.plan.Status;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.internal.plan.Step;
import io.stratum.sdk.spec.Strategy;
import io.stratum.sdk.internal.state.Persister;
import io.stratum.sdk.internal.state.PlanStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plan progress stored as a header and parts of steps: a change writes only what it touched. */
class ProgressBookTest {
    private static final int K = ProgressBook.STEPS_PER_PART;
    private static final int THREE_PARTS = 2 * K + K / 2;
    private final RecordingPersister persister = new RecordingPersister(Persister.inMemory());
    private final PlanStore store = PlanStore.of(persister);

    @Test
    void aLargePlanIsStoredInPartsAndReadBackWhole() {
        Plan plan = plan(THREE_PARTS, 3);
        plan.phases().get(0).steps().get(7).launched(Map.of("server", "id-7"));
        new ProgressBook(store).persist(List.of(plan));

        assertThat(store.fetchParts("deploy").keySet()).containsExactlyInAnyOrder("0.0", "0.1", "0.2", "1.0");
        ProgressBook restarted = new ProgressBook(store);
        restarted.load();
        assertThat(restarted.saved().get("deploy")).isEqualTo(plan.progress());
        assertThat(restarted.saved().get("deploy").phases().get("a").steps().keySet())
                .as("steps in order").containsExactlyElementsOf(plan.phases().get(0).steps().stream().map(Step::name).toList());
    }

    @Test
    void aChangeToOneStepRewritesTheHeaderAndThatStepsPartOnly() {
        Plan plan = plan(THREE_PARTS, 3);
        ProgressBook book = new ProgressBook(store);
        book.persist(List.of(plan));
        persister.written.clear();

        plan.phases().get(0).steps().get(K + 10).launched(Map.of("server", "id-k"));
        book.persist(List.of(plan));

        assertThat(persister.written).containsExactlyInAnyOrder("/plans/deploy/0.1", "/plans/deploy");
        ProgressBook restarted = new ProgressBook(store);
        restarted.load();
        String name = plan.phases().get(0).steps().get(K + 10).name();
        assertThat(restarted.saved().get("deploy").phases().get("a").steps().get(name).taskIds())
                .containsEntry("server", "id-k");
    }

    @Test
    void partsAPlanNoLongerHasAreDeleted() {
        ProgressBook book = new ProgressBook(store);
        book.persist(List.of(plan(THREE_PARTS, 3)));

        book.persist(List.of(plan(K / 2, 3)));

        assertThat(store.fetchParts("deploy").keySet()).containsExactlyInAnyOrder("0.0", "1.0");
        ProgressBook restarted = new ProgressBook(store);
        restarted.load();
        assertThat(restarted.saved().get("deploy").phases().get("a").steps()).hasSize(K / 2);
    }

    @Test
    void progressWrittenAsOneDocumentIsStillRead() {
        Plan plan = plan(5, 2);
        plan.phases().get(1).steps().get(1).launched(Map.of("server", "x"));
        store.storeJson("deploy", plan.progress());

        ProgressBook book = new ProgressBook(store);
        book.load();

        assertThat(book.saved().get("deploy")).isEqualTo(plan.progress());
        assertThat(book.wasComplete("deploy")).isFalse();
    }

    @Test
    void aPlanWithAnUnreadablePartIsIgnoredNotHalfRestored() {
        new ProgressBook(store).persist(List.of(plan(THREE_PARTS, 3), named("other", plan(3, 1))));
        persister.set("/plans/deploy/0.1", "{not json".getBytes(StandardCharsets.UTF_8));

        ProgressBook book = new ProgressBook(store);
        book.load();

        assertThat(book.saved()).containsOnlyKeys("other");
    }

    @Test
    void aSplitAndJoinedProgressIsTheSame() {
        Plan plan = plan(1001, 7);
        PlanProgress progress = plan.progress();

        PlanProgress joined = ProgressBook.join(ProgressBook.header(progress), ProgressBook.split(progress));

        assertThat(joined).isEqualTo(progress);
        assertThat(ProgressBook.split(progress)).hasSize((1001 + K - 1) / K + 1);
        assertThat(joined.phases().get("a").steps().get(plan.phases().get(0).steps().get(0).name()).status())
                .isEqualTo(Status.PENDING);
    }

    private static Plan plan(int stepsInA, int stepsInB) {
        return new Plan("deploy", ExecutionStrategy.of(Strategy.SERIAL), List.of(phase("a", stepsInA), phase("b", stepsInB)));
    }

    private static Plan named(String name, Plan plan) {
        return new Plan(name, ExecutionStrategy.of(Strategy.SERIAL), plan.phases());
    }

    private static Phase phase(String name, int steps) {
        PodSpec pod = SchedulerOnSimTest.spec("""
                name: svc
                pods:
                  %s:
                    count: 1
                    tasks:
                      server: {cmd: run, cpus: 0.1, memory: 32}
                """.formatted(name)).pod(name);
        List<Step> list = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            list.add(new Step(PlanIds.of(name, Integer.toString(i)), PodInstanceRequirement.of(pod, i, List.of("server"),
                    RecoveryType.NONE)));
        }
        return new Phase(PlanIds.of(name), name, ExecutionStrategy.of(Strategy.PARALLEL), list);
    }
}
