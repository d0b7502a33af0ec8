package io.stratum.sdk.backend.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.sdk.resource.Agent;
import io.stratum.sdk.resource.Range;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LocalBackendBuilderTest {
    @RegisterExtension
    final BackendFixtures fixtures = new BackendFixtures();

    @Test
    void agentsGetConsecutiveAddressesZonesRoundRobinAndTheirAttributes() {
        LocalBackend backend = fixtures.build(LocalBackend.builder(fixtures.workDir).withAgents(3).withFirstAddress(10)
                .withZones("local", "a", "b").withAttribute("rack", "r1").withAttribute(2, "ssd", "true"));

        assertThat(backend.agents()).containsExactly(
                Agent.of("local-agent-1", "127.0.0.10").withFaultDomain("local", "a").withAttribute("rack", "r1"),
                Agent.of("local-agent-2", "127.0.0.11").withFaultDomain("local", "b").withAttribute("rack", "r1")
                        .withAttribute("ssd", "true"),
                Agent.of("local-agent-3", "127.0.0.12").withFaultDomain("local", "a").withAttribute("rack", "r1"));
    }

    @Test
    void byDefaultEachAgentHasEveryCpuAndAShareOfMemoryAndDisk() {
        LocalBackend.Builder builder = LocalBackend.builder(Path.of("/tmp/stratum-not-created"));
        AgentResources resources = AgentResources.of(builder);

        assertThat(builder.agents).isEqualTo(3);
        assertThat(resources.amounts().cpus()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(resources.amounts().memMb()).isGreaterThanOrEqualTo(1);
        assertThat(resources.amounts().diskMb()).isGreaterThanOrEqualTo(1);
        assertThat(resources.ports()).isEqualTo(new Range(1_025, 32_767));
    }

    @Test
    void badOptionsAreRefused() {
        LocalBackend.Builder builder = LocalBackend.builder(fixtures.workDir);

        assertThatThrownBy(() -> builder.withAgents(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.withPorts(20, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.withCpus(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.withAgents(10).withFirstAddress(250).build())
                .hasMessage("10 agents from 127.0.0.250 go beyond 127.0.0.254");
    }

    @Test
    void byDefaultEachAgentHasTwoMountDisksOf2048MbAndNoGpusOrStaticReservations() {
        AgentResources resources = AgentResources.of(LocalBackend.builder(fixtures.workDir));

        assertThat(resources.mountDisks().ids()).containsExactly("mount-1", "mount-2");
        assertThat(resources.mountDisks().sizeMb()).isEqualTo(2048);
        assertThat(resources.gpus()).isZero();
        assertThat(resources.preReserved()).isEmpty();
    }

    @Test
    void preReservedRolesComeOutOfTheUnreservedResources() {
        AgentResources resources = AgentResources.of(fixtures.builder().withGpus(2).withMountDisks(3, 100)
                .withPreReservedRole("a", 1, 1024, 0).withPreReservedRole("b", 0.5, 0, 2048));

        assertThat(resources.total(null, "cpus")).isEqualTo(2.5);
        assertThat(resources.total(null, "mem")).isEqualTo(3072);
        assertThat(resources.total(null, "disk")).isEqualTo(6144);
        assertThat(resources.total(null, "gpus")).isEqualTo(2);
        assertThat(resources.total("a", "cpus")).isEqualTo(1);
        assertThat(resources.total("b", "disk")).isEqualTo(2048);
        assertThat(resources.total("b", "gpus")).isZero();
        assertThat(resources.mountDisks().ids()).containsExactly("mount-1", "mount-2", "mount-3");
    }

    @Test
    void badResourceOptionsAreRefusedNamingWhatIsWrong() {
        LocalBackend.Builder builder = fixtures.builder();

        assertThatThrownBy(() -> builder.withMountDisks(-1, 10)).hasMessage("MOUNT disks must be 0 to 64: -1");
        assertThatThrownBy(() -> builder.withMountDisks(1, 0)).hasMessage("MOUNT disk size must be more than 0: 0.0");
        assertThatThrownBy(() -> builder.withGpus(1.5)).hasMessage("gpus must be a whole number from 0 to 1000: 1.5");
        assertThatThrownBy(() -> builder.withPreReservedRole("*", 1, 1, 1)).hasMessageContaining("pre-reserved role must be a role name");
        assertThatThrownBy(() -> builder.withPreReservedRole("r", -1, 1, 1))
                .hasMessage("pre-reserved role r: cpus must be 0 or more: -1.0");
        assertThatThrownBy(() -> builder.withPreReservedRole("r", 3, 0, 0).withPreReservedRole("s", 2, 0, 0).validate())
                .hasMessage("pre-reserved roles r, s take 5 cpus but each agent has only 4");
    }

    @Test
    void startingTwiceOrAfterCloseIsRefused() {
        BackendFixtures.Started started = fixtures.start();
        started.events().offers(2);

        assertThatThrownBy(() -> started.backend().start(Optional.empty(), started.events()))
                .isInstanceOf(IllegalStateException.class).hasMessage("the local backend was started already");
        started.backend().close();
        assertThatThrownBy(() -> started.backend().start(Optional.empty(), started.events()))
                .hasMessage("the local backend is closed");
        assertThat(started.events().registrations).hasSize(1);
    }
}
