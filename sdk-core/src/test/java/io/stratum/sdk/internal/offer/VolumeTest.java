package io.stratum.sdk.internal.offer;

import static io.stratum.sdk.internal.offer.OfferFixtures.evaluator;
import static io.stratum.sdk.internal.offer.OfferFixtures.offer;
import static io.stratum.sdk.internal.offer.OfferFixtures.success;
import static io.stratum.sdk.internal.offer.OfferFixtures.with;
import static io.stratum.sdk.internal.offer.PodBuilder.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.backend.Operation;
import io.stratum.sdk.resource.DiskSource;
import io.stratum.sdk.resource.PersistentVolume;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.spec.VolumeType;
import java.util.List;
import org.junit.jupiter.api.Test;

class VolumeTest {

    private static EvaluationResult.Success place(PodSpec pod, Offer offer) {
        return success(evaluator().evaluate(PodRequest.newInstance(pod, 0), List.of(offer), List.of()));
    }

    @Test
    void rootVolumeReservesDiskThenCreatesTheVolume() {
        EvaluationResult.Success result = place(pod("node").task("server", 1, 100)
                .volume("server", "data", VolumeType.ROOT, 1024).build(), offer(1, 4, 4096));

        Resource disk = result.recommendations(Operation.Reserve.class).get(2).resource();
        assertThat(disk.name()).isEqualTo("disk");
        assertThat(disk.amount()).isEqualTo(1024);
        assertThat(disk.volume()).isEmpty();
        Operation.CreateVolume create = result.recommendations(Operation.CreateVolume.class).get(0);
        assertThat(create.volume().volume()).get().extracting(PersistentVolume::containerPath).isEqualTo("data-path");
        assertThat(create.volume().resourceId()).isEqualTo(disk.resourceId());
        assertThat(result.recommendations()).extracting(r -> r.getClass().getSimpleName()).containsExactly(
                "Reserve", "Reserve", "Reserve",
                "CreateVolume", "Launch");
    }

    @Test
    void mountVolumeTakesTheSmallestWholeDiskThatFits() {
        Offer offer = with(offer(1, 4, 4096), Resource.mountDisk(50_000, DiskSource.mount("/mnt/big")),
                Resource.mountDisk(2_000, DiskSource.mount("/mnt/small")), Resource.mountDisk(500, DiskSource.mount("/mnt/tiny")));

        EvaluationResult.Success result = place(pod("node").task("server", 1, 100)
                .volume("server", "data", VolumeType.MOUNT, 1000).build(), offer);

        Resource volume = result.recommendations(Operation.CreateVolume.class).get(0).volume();
        assertThat(volume.amount()).as("a MOUNT disk is consumed whole").isEqualTo(2000);
        assertThat(volume.disk()).get().extracting(d -> d.root().orElseThrow()).isEqualTo("/mnt/small");
    }

    @Test
    void mountVolumeHonoursDiskProfiles() {
        Offer offer = with(offer(1, 4, 4096), Resource.mountDisk(2_000, DiskSource.mount("/mnt/a", "hdd")),
                Resource.mountDisk(9_000, DiskSource.mount("/mnt/b", "ssd")));

        EvaluationResult.Success result = place(pod("node").task("server", 1, 100)
                .volume("server", "data", VolumeType.MOUNT, 1000, "ssd").build(), offer);

        assertThat(result.recommendations(Operation.CreateVolume.class).get(0).volume().disk().orElseThrow().profile())
                .contains("ssd");
    }

    @Test
    void twoMountVolumesNeedTwoDisks() {
        PodSpec pod = pod("node").task("server", 1, 100).volume("server", "a", VolumeType.MOUNT, 100)
                .volume("server", "b", VolumeType.MOUNT, 100).build();
        Offer oneDisk = with(offer(1, 4, 4096), Resource.mountDisk(1_000, DiskSource.mount("/mnt/a")));

        assertThat(evaluator().evaluate(PodRequest.newInstance(pod, 0), List.of(oneDisk), List.of()).isSuccess()).isFalse();
        assertThat(place(pod, with(oneDisk, Resource.mountDisk(1_000, DiskSource.mount("/mnt/b"))))
                .recommendations(Operation.CreateVolume.class)).hasSize(2);
    }

    @Test
    void podVolumesAreSharedByEveryTask() {
        EvaluationResult.Success result = place(pod("node").task("a", 1, 100).task("b", 1, 100)
                .podVolume("shared", 100).build(), offer(1, 4, 4096));

        assertThat(result.recommendations(Operation.CreateVolume.class)).hasSize(1);
        assertThat(result.launch().tasks()).allSatisfy(t ->
                assertThat(t.resources()).anySatisfy(r -> assertThat(r.volume()).isPresent()));
    }
}
