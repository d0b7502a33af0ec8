package io.stratum.sdk.backend.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.backend.Operation;
import io.stratum.sdk.internal.cluster.AcceptRecorder;
import io.stratum.sdk.internal.cluster.ClusterCore;
import io.stratum.sdk.internal.cluster.OfferBook;
import io.stratum.sdk.resource.Agent;
import io.stratum.sdk.resource.PersistentVolume;
import io.stratum.sdk.resource.Range;
import io.stratum.sdk.resource.Reservation;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.resource.ResourceValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A local agent's resources in the cluster core: what it offers, and what its operations leave on disk. */
class LocalAgentTest {
    private final Path workDir = Files.createTempDirectory("stratum-ops-");
    private final AgentDirs dirs = AgentDirs.of(workDir, "local-agent-1");
    private final AcceptRecorder accepts = new AcceptRecorder();
    private ClusterCore cluster = new ClusterCore("o-", OfferBook.Repeat.REPLACE);
    private LocalAgent agent = agent(AgentResources.of(new AgentResources.Amounts(4, 4096, 8192), new Range(21_000, 21_009)));

    LocalAgentTest() throws IOException {}

    @AfterEach
    void deleteWorkDir() {
        FileTrees.delete("test work dir", workDir);
    }

    private LocalAgent agent(AgentResources resources) {
        return LocalAgent.create(cluster, Agent.of("local-agent-1", "127.0.0.2"), resources, dirs, d -> null);
    }

    private static Resource reserved(Resource resource, String resourceId) {
        return resource.withReservation(new Reservation("role", "principal", Map.of(Reservation.RESOURCE_ID, resourceId,
                Reservation.POD_INSTANCE, "db-0")));
    }

    /** Accepts the operation on a fresh offer of the agent; @return the refusal, or null if it applied */
    private String apply(Function<String, Operation> operation) {
        return accepts.accept(cluster, operation);
    }

    @Test
    void offersListUnreservedResourcesThenMountDisksThenEachRoleThenReservations() {
        cluster = new ClusterCore("o-", OfferBook.Repeat.REPLACE);
        agent = agent(new AgentResources(new AgentResources.Amounts(4, 4096, 8192), 1, new Range(21_000, 21_009),
                new AgentResources.MountDisks(1, 100), Map.of("r", new StaticReservation("r", 1, 0, 0))));
        Resource mem = reserved(Resource.scalar(Resource.MEM, 96), "r1");
        apply(o -> new Operation.Reserve(o, mem));

        assertThat(agent.ledger().offerable()).containsExactly(Resource.scalar(Resource.CPUS, 3),
                Resource.scalar(Resource.MEM, 4000), Resource.scalar(Resource.DISK, 8192), Resource.scalar(Resource.GPUS, 1),
                Resource.ports(new Range(21_000, 21_009)),
                Resource.mountDisk(100, LedgerRecords.mountSource(dirs, "mount-1")),
                Resource.scalar(Resource.CPUS, 1).withPreReservedRole("r"), mem);
    }

    @Test
    void aVolumeIsCreatedOnReservedDiskAndItsDestructionDeletesItsData() throws IOException {
        Resource disk = reserved(Resource.scalar(Resource.DISK, 64), "r1");
        Resource withVolume = disk.withVolume(new PersistentVolume("db-0-data__1", "data"));
        apply(o -> new Operation.Reserve(o, disk));
        apply(o -> new Operation.CreateVolume(o, withVolume));
        Path volume = dirs.volume("db-0-data__1");
        Files.writeString(volume.resolve("file"), "kept");
        agent.ledger().use("db-0-server__1", "db-0", Set.of("r1"), List.of());

        assertThat(apply(o -> new Operation.DestroyVolume(o, withVolume))).contains("in use");
        assertThat(volume.resolve("file")).hasContent("kept");

        cluster.release(agent.id(), "db-0-server__1");
        apply(o -> new Operation.DestroyVolume(o, withVolume));
        apply(o -> new Operation.Unreserve(o, disk));
        assertThat(volume).doesNotExist();
        assertThat(new LedgerFile(dirs).reservations()).isEmpty();
    }

    @Test
    void theLedgerOutlivesTheAgentObject() {
        Resource cpus = reserved(Resource.scalar(Resource.CPUS, 1), "r1");
        Resource mem = reserved(Resource.scalar(Resource.MEM, 1024), "r2");
        apply(o -> new Operation.Reserve(o, cpus));
        apply(o -> new Operation.Reserve(o, mem));
        apply(o -> new Operation.Unreserve(o, mem.withValue(ResourceValue.scalar(512))));

        cluster = new ClusterCore("o-", OfferBook.Repeat.REPLACE);
        LocalAgent again = agent(AgentResources.of(new AgentResources.Amounts(4, 4096, 8192), new Range(21_000, 21_009)));

        assertThat(again.ledger().reservations()).containsExactly(cpus, mem.withValue(ResourceValue.scalar(512)));
        assertThat(again.ledger().offerable()).contains(Resource.scalar(Resource.CPUS, 3), Resource.scalar(Resource.MEM, 3584));
    }

    @Test
    void aMountDiskVolumeIsTheDisksDirectory() {
        cluster = new ClusterCore("o-", OfferBook.Repeat.REPLACE);
        agent = agent(new AgentResources(new AgentResources.Amounts(4, 4096, 8192), 0, new Range(21_000, 21_009),
                new AgentResources.MountDisks(1, 100), Map.of()));
        Resource mount = reserved(Resource.mountDisk(100, LedgerRecords.mountSource(dirs, "mount-1")), "m1");
        Resource withVolume = mount.withVolume(new PersistentVolume("db-0-data__1", "data"));

        assertThat(apply(o -> new Operation.Reserve(o, mount))).isNull();
        assertThat(apply(o -> new Operation.CreateVolume(o, withVolume))).isNull();

        assertThat(dirs.mount("mount-1")).isDirectory();
        assertThat(agent.volumeDirectory("db-0-data__1")).isEqualTo(dirs.mount("mount-1"));
        assertThat(new LedgerFile(dirs).volumes()).singleElement().satisfies(v -> assertThat(v.mount()).isEqualTo("mount-1"));
    }
}
