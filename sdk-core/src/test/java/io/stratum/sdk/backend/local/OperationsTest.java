package io.stratum.sdk.backend.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.sdk.backend.CreateVolumeOperation;
import io.stratum.sdk.backend.DestroyVolumeOperation;
import io.stratum.sdk.backend.ReserveOperation;
import io.stratum.sdk.backend.UnreserveOperation;
import io.stratum.sdk.resource.Agent;
import io.stratum.sdk.resource.DiskSource;
import io.stratum.sdk.resource.PersistentVolume;
import io.stratum.sdk.resource.Range;
import io.stratum.sdk.resource.Reservation;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.resource.ResourceValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Resource operations on an agent's ledger, and what the agent then offers. */
class OperationsTest {
    private final Path workDir = Files.createTempDirectory("stratum-ops-");
    private final LocalAgent agent = new LocalAgent(Agent.of("local-agent-1", "127.0.0.2"),
            AgentDirs.of(workDir, "local-agent-1"), new AgentResources(4, 4096, 8192, new Range(21_000, 21_009)),
            dirs -> null);

    OperationsTest() throws IOException {}

    @AfterEach
    void deleteWorkDir() {
        FileTrees.delete("test work dir", workDir);
    }

    private static Resource reserved(Resource resource, String resourceId) {
        return resource.withReservation(new Reservation("role", "principal", Map.of(Reservation.RESOURCE_ID, resourceId,
                Reservation.POD_INSTANCE, "db-0")));
    }

    private void apply(io.stratum.sdk.backend.Operation operation, String... inUse) {
        Operations.apply(agent, operation, Set.of(inUse));
    }

    @Test
    void aReservationTakesFreeResourcesAndIsOfferedAsReserved() {
        Resource cpus = reserved(Resource.scalar(Resource.CPUS, 1.5), "r1");
        Resource port = reserved(Resource.ports(Range.of(21_003)), "r2");

        apply(new ReserveOperation("o1", cpus));
        apply(new ReserveOperation("o1", port));

        assertThat(agent.free(Resource.CPUS)).isEqualTo(2.5);
        assertThat(agent.freePorts()).containsExactly(new Range(21_000, 21_002), new Range(21_004, 21_009));
        assertThat(agent.offerable(Set.of())).contains(cpus, port, Resource.scalar(Resource.CPUS, 2.5));
        assertThat(agent.offerable(Set.of("r1"))).doesNotContain(cpus).contains(port);
    }

    @Test
    void moreThanIsFreeIsRefusedAndChangesNothing() {
        assertThatThrownBy(() -> apply(new ReserveOperation("o1", reserved(Resource.scalar(Resource.MEM, 5000), "r1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only 4096 free");
        assertThatThrownBy(() -> apply(new ReserveOperation("o1", reserved(Resource.ports(Range.of(80)), "r2"))))
                .hasMessageContaining("not free");
        assertThatThrownBy(() -> apply(new ReserveOperation("o1",
                reserved(Resource.mountDisk(100, DiskSource.mount("/mnt/a")), "r3")))).hasMessageContaining("MOUNT");

        assertThat(agent.ledger().reservations()).isEmpty();
    }

    @Test
    void reservingUnderAnExistingIdGrowsItAndAPartialUnreserveShrinksIt() {
        Resource mem = reserved(Resource.scalar(Resource.MEM, 1024), "r1");
        apply(new ReserveOperation("o1", mem));

        apply(new ReserveOperation("o2", mem.withValue(ResourceValue.scalar(512))));
        assertThat(agent.reservations()).containsExactly(mem.withValue(ResourceValue.scalar(1536)));

        apply(new UnreserveOperation("o3", mem.withValue(ResourceValue.scalar(1024))));
        assertThat(agent.reservations()).containsExactly(mem.withValue(ResourceValue.scalar(512)));
        assertThat(agent.free(Resource.MEM)).isEqualTo(3584);

        apply(new UnreserveOperation("o4", mem.withValue(ResourceValue.scalar(512))));
        assertThat(agent.reservations()).isEmpty();
    }

    @Test
    void aVolumeIsCreatedOnReservedDiskAndItsDestructionDeletesItsData() throws IOException {
        Resource disk = reserved(Resource.scalar(Resource.DISK, 64), "r1");
        Resource withVolume = disk.withVolume(new PersistentVolume("db-0-data__1", "data"));
        apply(new ReserveOperation("o1", disk));
        apply(new CreateVolumeOperation("o1", withVolume));
        Path volume = agent.dirs().volume("db-0-data__1");
        Files.writeString(volume.resolve("file"), "kept");

        assertThat(agent.offerable(Set.of())).contains(withVolume);
        assertThatThrownBy(() -> apply(new UnreserveOperation("o2", disk))).hasMessageContaining("destroy it first");
        assertThatThrownBy(() -> apply(new DestroyVolumeOperation("o2", withVolume), "r1"))
                .hasMessageContaining("in use");
        assertThat(volume.resolve("file")).hasContent("kept");

        apply(new DestroyVolumeOperation("o3", withVolume));
        apply(new UnreserveOperation("o3", disk));
        assertThat(volume).doesNotExist();
        assertThat(agent.offerable(Set.of())).noneMatch(r -> r.reservation().isPresent());
    }

    @Test
    void reservationsInUseOrUnknownCannotBeUnreserved() {
        Resource cpus = reserved(Resource.scalar(Resource.CPUS, 1), "r1");
        apply(new ReserveOperation("o1", cpus));

        assertThatThrownBy(() -> apply(new UnreserveOperation("o2", cpus), "r1")).hasMessageContaining("in use");
        assertThatThrownBy(() -> apply(new UnreserveOperation("o2", reserved(Resource.scalar(Resource.CPUS, 1), "r9"))))
                .hasMessageContaining("not reserved");
        assertThat(agent.reservations()).containsExactly(cpus);
    }

    @Test
    void theLedgerOutlivesTheAgentObject() {
        Resource cpus = reserved(Resource.scalar(Resource.CPUS, 1), "r1");
        apply(new ReserveOperation("o1", cpus));

        LocalAgent again = new LocalAgent(agent.agent(), agent.dirs(), new AgentResources(4, 4096, 8192,
                new Range(21_000, 21_009)), dirs -> null);

        assertThat(again.reservations()).containsExactly(cpus);
    }

    @Test
    void aMountDiskIsReservedWholeAndOnlyOnce() {
        LocalAgent withDisks = new LocalAgent(Agent.of("local-agent-2", "127.0.0.3"), AgentDirs.of(workDir, "local-agent-2"),
                new AgentResources(4, 4096, 8192, new Range(21_000, 21_009), 0, 1, 100, Map.of()), dirs -> null);
        Resource disk = withDisks.freeMounts().get(0);

        assertThatThrownBy(() -> Operations.apply(withDisks, new ReserveOperation("o1",
                reserved(disk.withValue(ResourceValue.scalar(50)), "m1")), Set.of()))
                .hasMessageContaining("is reserved whole: 100 MB");
        Operations.apply(withDisks, new ReserveOperation("o1", reserved(disk, "m1")), Set.of());
        assertThatThrownBy(() -> Operations.apply(withDisks, new ReserveOperation("o1", reserved(disk, "m2")), Set.of()))
                .hasMessageContaining("is reserved already");

        assertThat(withDisks.freeMounts()).isEmpty();
        assertThat(withDisks.free(Resource.DISK)).as("the root disk is untouched").isEqualTo(8192);
        assertThat(withDisks.offerable(Set.of())).contains(reserved(disk, "m1"));
    }

    @Test
    void aPreReservedReservationTakesFromItsRoleOnly() {
        LocalAgent withRole = new LocalAgent(Agent.of("local-agent-3", "127.0.0.4"), AgentDirs.of(workDir, "local-agent-3"),
                new AgentResources(4, 4096, 8192, new Range(21_000, 21_009), 0, 0, 1,
                        Map.of("r", new StaticReservation("r", 1, 0, 0))), dirs -> null);
        Resource cpus = reserved(Resource.scalar(Resource.CPUS, 0.75).withPreReservedRole("r"), "p1");

        Operations.apply(withRole, new ReserveOperation("o1", cpus), Set.of());

        assertThat(withRole.free(Resource.CPUS)).isEqualTo(3);
        assertThat(withRole.free("r", Resource.CPUS)).isEqualTo(0.25);
        assertThat(withRole.ledger().reservations()).singleElement().satisfies(r -> assertThat(r.role()).isEqualTo("r/role"));
        assertThat(withRole.offerable(Set.of())).contains(cpus);
        assertThatThrownBy(() -> Operations.apply(withRole, new ReserveOperation("o1",
                reserved(Resource.scalar(Resource.CPUS, 0.5).withPreReservedRole("r"), "p2")), Set.of()))
                .hasMessageContaining("pre-reserved for r");
    }
}
