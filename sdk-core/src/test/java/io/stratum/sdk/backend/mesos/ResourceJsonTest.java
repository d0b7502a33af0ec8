package io.stratum.sdk.backend.mesos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stratum.sdk.resource.DiskSource;
import io.stratum.sdk.resource.PersistentVolume;
import io.stratum.sdk.resource.Range;
import io.stratum.sdk.resource.Reservation;
import io.stratum.sdk.resource.Resource;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResourceJsonTest {
    private final FrameworkSettings framework = new FrameworkSettings("u", "svc",
            new FrameworkSettings.Roles("svc-role", Set.of("slave_public")), "svc-principal", Duration.ofDays(1));
    private final ResourceJson json = new ResourceJson(framework);
    private final Reservation reservation = Reservation.of("svc-role", "svc-principal", "id-1")
            .withLabel(Reservation.POD_INSTANCE, "node-0");

    @Test
    void aReservationIsADynamicReservationWithItsLabels() {
        JsonNode wire = json.toJson(Resource.scalar("cpus", 0.1 + 0.2).withReservation(reservation), "svc-role");

        assertThat(wire.toString()).isEqualTo("{\"name\":\"cpus\",\"type\":\"SCALAR\",\"scalar\":{\"value\":0.3},"
                + "\"allocation_info\":{\"role\":\"svc-role\"},\"reservations\":[{\"type\":\"DYNAMIC\",\"role\":\"svc-role\","
                + "\"principal\":\"svc-principal\",\"labels\":{\"labels\":[{\"key\":\"resource_id\",\"value\":\"id-1\"},"
                + "{\"key\":\"pod_instance\",\"value\":\"node-0\"}]}}]}");
    }

    @Test
    void aPreReservedResourceIsRefinedToTheChildRoleAndReadBackAsItWas() {
        Resource ours = Resource.scalar("mem", 512).withPreReservedRole("slave_public").withReservation(reservation);

        ObjectNode wire = json.toJson(ours, framework.allocationRole(ours));

        assertThat(wire.path("allocation_info").path("role").asText()).isEqualTo("slave_public/svc-role");
        assertThat(wire.path("reservations").findValuesAsText("role")).containsExactly("slave_public", "slave_public/svc-role");
        assertThat(wire.path("reservations").findValuesAsText("type")).containsExactly("STATIC", "DYNAMIC");
        assertThat(json.fromJson(wire)).contains(ours);
    }

    @Test
    void volumesOnMountDisksSurviveTheRoundTrip() {
        Resource volume = Resource.mountDisk(10_240, DiskSource.mount("/mnt/disk-1", "ssd")).withReservation(reservation)
                .withVolume(new PersistentVolume("vol-1", "data"));

        ObjectNode wire = json.toJson(volume, "svc-role");

        assertThat(wire.path("disk").toString()).isEqualTo("{\"source\":{\"type\":\"MOUNT\",\"mount\":{\"root\":\"/mnt/disk-1\"},"
                + "\"profile\":\"ssd\"},\"persistence\":{\"id\":\"vol-1\",\"principal\":\"svc-principal\"},"
                + "\"volume\":{\"mode\":\"RW\",\"container_path\":\"data\"}}");
        assertThat(json.fromJson(wire)).contains(volume);
        assertThat(json.fromJson(json.toJson(Resource.ports(new Range(31000, 31005), new Range(31010, 31010)), "svc-role")))
                .contains(Resource.ports(new Range(31000, 31005), new Range(31010, 31010)));
    }

    @Test
    void everyConvertedResourceIsAValidMesosResource() {
        List<Resource> resources = List.of(Resource.scalar("cpus", 1),
                Resource.scalar("disk", 64).withReservation(reservation).withVolume(new PersistentVolume("v", "data")),
                Resource.ports(new Range(1, 2)).withPreReservedRole("slave_public").withReservation(reservation),
                Resource.mountDisk(100, DiskSource.mount("/mnt/a")));
        for (Resource resource : resources) {
            ObjectNode call = Calls.accept("fw", List.of("o1"), List.of(reserveOf(json.toJson(resource, "svc-role"))));
            ProtoCheck.call(call.toString());
        }
    }

    @Test
    void reservationsNotOursReadAsPreReservedRolesAndUnknownKindsAreLeftOut() throws Exception {
        JsonNode operatorReserved = Wire.JSON.readTree("{\"name\":\"cpus\",\"type\":\"SCALAR\",\"scalar\":{\"value\":2},"
                + "\"reservations\":[{\"type\":\"DYNAMIC\",\"role\":\"slave_public\",\"principal\":\"ops\"}]}");
        JsonNode revocable = Wire.JSON.readTree("{\"name\":\"cpus\",\"type\":\"SCALAR\",\"scalar\":{\"value\":2},\"revocable\":{}}");
        JsonNode pathDisk = Wire.JSON.readTree("{\"name\":\"disk\",\"type\":\"SCALAR\",\"scalar\":{\"value\":2},"
                + "\"disk\":{\"source\":{\"type\":\"PATH\",\"path\":{\"root\":\"/p\"}}}}");

        assertThat(json.fromJson(operatorReserved)).contains(Resource.scalar("cpus", 2).withPreReservedRole("slave_public"));
        assertThat(json.fromJson(revocable)).isEmpty();
        assertThat(json.fromJson(pathDisk)).isEqualTo(Optional.empty());
    }

    private static ObjectNode reserveOf(ObjectNode resource) {
        ObjectNode operation = Wire.object().put("type", "RESERVE");
        operation.putObject("reserve").putArray("resources").add(resource);
        return operation;
    }
}
