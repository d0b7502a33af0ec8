package io.stratum.sdk.backend.mesos;

import static io.stratum.sdk.backend.mesos.MesosFixture.POLL;
import static io.stratum.sdk.backend.mesos.MesosFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SubscriptionTest {
    @RegisterExtension
    final MesosFixture fixture = new MesosFixture();

    @Test
    void subscribesAsTheFrameworkItDescribesAndRegistersWithTheIdTheMasterGave() throws Exception {
        TestMaster master = fixture.master();
        MesosBackend backend = fixture.builder(master.uri().toString()).withRole("test-role")
                .withPrincipal("test-principal").withFailoverTimeout(Duration.ofDays(7)).build();

        Events events = fixture.start(backend, Optional.empty());

        await().atMost(WAIT).pollInterval(POLL).until(() -> events.registrations.size() == 1);
        assertThat(events.registrations).containsExactly(fixture.cluster.frameworkId);
        JsonNode subscribe = fixture.cluster.calls("SUBSCRIBE").get(0);
        assertThat(subscribe.has("framework_id")).isFalse();
        JsonNode info = subscribe.path("subscribe").path("framework_info");
        assertThat(info.path("user").asText()).isEqualTo("tester");
        assertThat(info.path("name").asText()).isEqualTo("test-service");
        assertThat(info.path("roles").toString()).isEqualTo("[\"test-role\"]");
        assertThat(info.path("principal").asText()).isEqualTo("test-principal");
        assertThat(info.path("failover_timeout").asDouble()).isEqualTo(7 * 24 * 3600.0);
        assertThat(info.path("checkpoint").asBoolean()).isTrue();
        assertThat(info.path("capabilities").findValuesAsText("type"))
                .containsExactlyInAnyOrder("MULTI_ROLE", "RESERVATION_REFINEMENT", "TASK_KILLING_STATE", "PARTITION_AWARE");
        assertThat(backend.leadingMaster()).contains(master.uri());
    }

    @Test
    void subscribesAgainWithTheSameFrameworkIdWhenTheStreamDrops() throws Exception {
        TestMaster master = fixture.master();
        MesosBackend backend = fixture.builder("127.0.0.1:" + master.uri().getPort()).build();
        Events events = fixture.start(backend, Optional.empty());
        await().atMost(WAIT).pollInterval(POLL).until(() -> events.registrations.size() == 1);
        String frameworkId = events.registrations.get(0);

        fixture.cluster.dropStream();

        await().atMost(WAIT).pollInterval(POLL).until(() -> events.registrations.size() == 2);
        assertThat(events.registrations).containsExactly(frameworkId, frameworkId);
        assertThat(events.disconnects).hasValue(1);
        List<JsonNode> subscribes = List.copyOf(fixture.cluster.calls("SUBSCRIBE"));
        assertThat(Wire.idOf(subscribes.get(1), "framework_id")).contains(frameworkId);
        assertThat(Wire.idOf(subscribes.get(1).path("subscribe").path("framework_info"), "id")).contains(frameworkId);
    }

    @Test
    void subscribesAgainWhenHeartbeatsStopThoughTheConnectionStaysOpen() throws Exception {
        TestMaster master = fixture.master();
        MesosBackend backend = fixture.builder(master.uri().toString()).build();
        Events events = fixture.start(backend, Optional.empty());
        await().atMost(WAIT).pollInterval(POLL).until(() -> events.registrations.size() == 1);

        fixture.cluster.silent = true;
        long silentSince = System.nanoTime();
        await().atMost(WAIT).pollInterval(POLL).until(() -> fixture.cluster.subscriptions == 2);
        fixture.cluster.silent = false;

        // 5 heartbeats of 0.1 s missed: not before half a second
        assertThat(Duration.ofNanos(System.nanoTime() - silentSince)).isGreaterThanOrEqualTo(Duration.ofMillis(450));
        await().atMost(WAIT).pollInterval(POLL).until(() -> events.registrations.size() == 2);
        assertThat(events.registrations.get(1)).isEqualTo(events.registrations.get(0));
    }

    @Test
    void followsARedirectToTheLeadingMaster() throws Exception {
        TestMaster leader = fixture.master();
        TestMaster standby = fixture.master();
        standby.redirectTo = leader;
        MesosBackend backend = fixture.builder(standby.uri().toString()).build();

        Events events = fixture.start(backend, Optional.empty());

        await().atMost(WAIT).pollInterval(POLL).until(() -> events.registrations.size() == 1);
        assertThat(backend.leadingMaster()).contains(leader.uri());
        backend.reconcile(List.of());
        await().atMost(WAIT).pollInterval(POLL).until(() -> fixture.cluster.calls("RECONCILE").size() == 1);
    }

    @Test
    void findsTheNewLeaderAfterAFailover() throws Exception {
        TestMaster first = fixture.master();
        TestMaster second = fixture.master();
        second.redirectTo = first;
        MesosBackend backend = fixture.builder(second.uri().toString()).build();
        Events events = fixture.start(backend, Optional.empty());
        await().atMost(WAIT).pollInterval(POLL).until(() -> events.registrations.size() == 1);

        second.redirectTo = null;
        first.close();

        await().atMost(WAIT).pollInterval(POLL).until(() -> events.registrations.size() == 2);
        assertThat(backend.leadingMaster()).contains(second.uri());
        assertThat(events.registrations.get(1)).isEqualTo(events.registrations.get(0));
    }

    @Test
    void resubscribesWithTheFrameworkIdItWasStartedWith() throws Exception {
        TestMaster master = fixture.master();
        MesosBackend first = fixture.builder(master.uri().toString()).build();
        Events before = fixture.start(first, Optional.empty());
        await().atMost(WAIT).pollInterval(POLL).until(() -> before.registrations.size() == 1);
        first.close();

        MesosBackend second = fixture.builder(master.uri().toString()).build();
        Events after = fixture.start(second, Optional.of(before.registrations.get(0)));

        await().atMost(WAIT).pollInterval(POLL).until(() -> after.registrations.size() == 1);
        assertThat(after.registrations).containsExactly(before.registrations.get(0));
    }

    @Test
    void takesBasicCredentialsFromTheMastersAddress() throws Exception {
        TestMaster master = fixture.master();
        master.authorization = "Basic " + java.util.Base64.getEncoder().encodeToString("bob:pw".getBytes());
        MesosBackend backend = fixture.builder("http://bob:pw@127.0.0.1:" + master.uri().getPort()).withPrincipal("bob").build();

        Events events = fixture.start(backend, Optional.empty());

        await().atMost(WAIT).pollInterval(POLL).until(() -> events.registrations.size() == 1);
        assertThat(backend.leadingMaster()).contains(master.uri());
    }

    @Test
    void sendsBasicCredentialsWhenGiven() throws Exception {
        TestMaster master = fixture.master();
        master.authorization = "Basic " + java.util.Base64.getEncoder().encodeToString("alice:secret".getBytes());
        MesosBackend backend = fixture.builder(master.uri().toString()).withCredentials("alice", "secret").withPrincipal("alice")
                .build();

        Events events = fixture.start(backend, Optional.empty());

        await().atMost(WAIT).pollInterval(POLL).until(() -> events.registrations.size() == 1);
    }

    @Test
    void credentialsForAnotherPrincipalThanTheFrameworksAreRefusedBeforeAnythingIsSent() throws Exception {
        TestMaster master = fixture.master();

        assertThatThrownBy(() -> fixture.builder("http://bob:pw@127.0.0.1:" + master.uri().getPort()).withPrincipal("carol").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the Mesos credentials are for principal 'bob' but the framework's principal is 'carol' (the"
                        + " spec's scheduler.principal, else <name>-principal): a master that authenticates frameworks"
                        + " requires them to be the same");
        assertThat(fixture.cluster.calls("SUBSCRIBE")).isEmpty();
    }
}
