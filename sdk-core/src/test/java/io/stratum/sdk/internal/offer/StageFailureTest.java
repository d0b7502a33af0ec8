package io.stratum.sdk.internal.offer;

import io.stratum.sdk.backend.Offer;

import static io.stratum.sdk.internal.offer.OfferFixtures.agent;
import static io.stratum.sdk.internal.offer.OfferFixtures.evaluator;
import static io.stratum.sdk.internal.offer.OfferFixtures.failure;
import static io.stratum.sdk.internal.offer.OfferFixtures.offer;
import static io.stratum.sdk.internal.offer.PodBuilder.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.placement.PlacedTask;
import io.stratum.sdk.resource.DiskSource;
import io.stratum.sdk.resource.Range;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.spec.PortRangeSpec;
import io.stratum.sdk.spec.VolumeType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every stage says in words why an offer fails it. */
class StageFailureTest {

    private static EvaluationOutcome evaluateFailing(PodSpec pod, Offer offer) {
        return failure(evaluator().evaluate(PodRequest.newInstance(pod, 2), List.of(offer), List.of()));
    }

    private static String offerReason(EvaluationOutcome outcome) {
        return outcome.children().get(0).text();
    }

    @Test
    void memoryShortfallNamesFreeWantedAndTask() {
        EvaluationOutcome outcome = evaluateFailing(pod("node").task("server", 1, 1024).build(), offer(17, 4, 512));

        assertThat(offerReason(outcome)).isEqualTo("offer o17 on host h17: mem 512 < 1024 wanted by task node-2-server");
        assertThat(outcome.text()).isEqualTo("pod node-2 (tasks server) fits none of 1 offer");
    }

    @Test
    void outcomeTreeListsPassedStagesThenTheFailedOne() {
        EvaluationOutcome offerNode = evaluateFailing(pod("node").task("server", 1, 1024).build(), offer(1, 4, 512))
                .children().get(0);

        assertThat(offerNode.children()).extracting(EvaluationOutcome::passed).containsExactly(true, true, true, false);
        assertThat(offerNode.children()).extracting(EvaluationOutcome::text).startsWith("placement", "executor overhead", "cpus");
        assertThat(offerNode.children().get(3).text()).isEqualTo("mem: mem 512 < 1024 wanted by task node-2-server");
    }

    @Test
    void cpuShortfallForASharedSetNamesEveryTaskOnIt() {
        PodSpec pod = pod("web").resourceSet("shared", 3, 100).taskOnSet("a", "shared").taskOnSet("b", "shared").build();

        assertThat(offerReason(evaluateFailing(pod, offer(1, 2, 4096))))
                .isEqualTo("offer o1 on host h1: cpus 2 < 3 wanted by tasks web-2-a, web-2-b");
    }

    @Test
    void gpuShortfall() {
        PodSpec pod = pod("ml").task("train", 1, 100).gpus("train", 2).build();

        assertThat(offerReason(evaluateFailing(pod, offer(1, 4, 4096))))
                .isEqualTo("offer o1 on host h1: gpus 0 < 2 wanted by task ml-2-train");
    }

    @Test
    void placementRuleRejectionQuotesTheConstraint() {
        PodSpec pod = pod("node").placement("hostname:UNIQUE").task("server", 1, 100).build();
        List<PlacedTask> placed = List.of(new PlacedTask("node", 0, "server", agent(1)));

        EvaluationOutcome outcome = failure(evaluator().evaluate(PodRequest.newInstance(pod, 2),
                List.of(offer(1, 4, 4096)), placed));

        assertThat(offerReason(outcome)).isEqualTo("offer o1 on host h1: placement [\"hostname\",\"UNIQUE\"]: "
                + "hostname h1 already has 1 instance of node (at most 1)");
    }

    @Test
    void executorOverheadShortfall() {
        OfferEvaluator evaluator = OfferFixtures.builder().withExecutorOverhead(0.5, 64, 0).build();

        EvaluationOutcome outcome = failure(evaluator.evaluate(PodRequest.newInstance(PodBuilder.simple("node", 1, 100), 2),
                List.of(offer(1, 1.2, 4096)), List.of()));

        assertThat(offerReason(outcome)).isEqualTo("offer o1 on host h1: cpus 0.7 < 1 wanted by task node-2-server");
        EvaluationOutcome tooSmall = failure(evaluator.evaluate(PodRequest.newInstance(PodBuilder.simple("node", 1, 100), 2),
                List.of(offer(1, 0.2, 4096)), List.of()));
        assertThat(offerReason(tooSmall)).isEqualTo("offer o1 on host h1: cpus 0.2 < 0.5 wanted by the executor of node-2");
    }

    @Test
    void staticPortTaken() {
        PodSpec pod = pod("node").task("server", 1, 100).port("server", "native", 9042).build();

        assertThat(offerReason(evaluateFailing(pod, offer(3, 4, 4096))))
                .isEqualTo("offer o3 on host h3: port 9042 is not free on host h3, wanted by task node-2-server");
    }

    @Test
    void noDynamicPortLeftInTheAskedRanges() {
        PodSpec pod = pod("node").task("server", 1, 100)
                .port("server", "http", 0, null, new PortRangeSpec(2000, 2100)).build();

        assertThat(offerReason(evaluateFailing(pod, offer(1, 4, 4096))))
                .isEqualTo("offer o1 on host h1: no free port for dynamic port http in [[2000-2100]] of task node-2-server on host h1");
    }

    @Test
    void rootVolumeTooBig() {
        PodSpec pod = pod("node").task("server", 1, 100).volume("server", "data", VolumeType.ROOT, 8192).build();

        assertThat(offerReason(evaluateFailing(pod, offer(1, 4, 4096))))
                .isEqualTo("offer o1 on host h1: disk 4096 < 8192 wanted by volume data of task node-2-server");
    }

    @Test
    void noMountDiskWithTheProfile() {
        PodSpec pod = pod("node").task("server", 1, 100).volume("server", "data", VolumeType.MOUNT, 1000, "ssd").build();
        Offer offer = OfferFixtures.with(offer(1, 4, 4096), Resource.mountDisk(2000, DiskSource.mount("/mnt/a", "hdd")));

        assertThat(offerReason(evaluateFailing(pod, offer))).isEqualTo("offer o1 on host h1: no MOUNT disk of at least "
                + "1000 MB with profile ssd for volume data of task node-2-server on host h1");
    }

    @Test
    void unreservedPortsOnlyCountOnce() {
        PodSpec pod = pod("node").task("a", 1, 100).port("a", "x", 0).task("b", 1, 100).port("b", "y", 0).build();
        Offer oneFreePort = Offer.of("o1", agent(1), Resource.scalar("cpus", 4), Resource.scalar("mem", 4096),
                Resource.ports(Range.of(1000)));

        assertThat(offerReason(evaluateFailing(pod, oneFreePort)))
                .isEqualTo("offer o1 on host h1: no free port for dynamic port y of task node-2-b on host h1");
    }

    @Test
    void noOffersIsSaidPlainly() {
        EvaluationOutcome outcome = failure(evaluator().evaluate(PodRequest.newInstance(PodBuilder.simple("node", 1, 1), 0),
                List.of(), List.of()));

        assertThat(outcome.text()).isEqualTo("pod node-0: no offers to evaluate");
        assertThat(outcome.children()).isEmpty();
    }
}
