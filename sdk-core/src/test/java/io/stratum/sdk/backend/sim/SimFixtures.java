package io.stratum.sdk.backend.sim;

import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.backend.Operation;
import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.resource.Range;
import io.stratum.sdk.resource.Reservation;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.spec.CheckProbe;
import io.stratum.sdk.spec.CheckSpec;
import io.stratum.sdk.spec.Goal;
import io.stratum.sdk.spec.TaskSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Fixture factories for sim clusters, reservations and launches. */
final class SimFixtures {
    static final String ROLE = "svc-role";
    static final String PRINCIPAL = "svc-principal";
    static final CheckSpec CHECK = new CheckSpec(new CheckProbe.Command("true"), 5, 0, 5, 0, 3);

    private SimFixtures() {
    }

    /** A started cluster of agents with 4 cpus, 4096 MB, 10000 MB root disk and ports 1000-1010; its clock and listener. */
    record Started(DefaultSimCluster cluster, SimClock clock, RecordingListener listener) {
        /** @return the offers sent now, after delivering everything queued */
        List<Offer> offers() {
            List<Offer> offers = cluster.sendOffers();
            cluster.deliver();
            return offers;
        }

        /** @return the offer sent now for {@code agentId} */
        Offer offer(String agentId) {
            return offers().stream().filter(o -> o.agent().id().equals(agentId)).findFirst()
                    .orElseThrow(() -> new AssertionError("no offer from " + agentId));
        }

        /** Accepts {@code ops} on {@code offer} and delivers what follows. */
        void accept(Offer offer, Operation... ops) {
            cluster.accept(List.of(offer.id()), List.of(ops));
            cluster.deliver();
        }
    }

    static SimCluster.Builder builder(int agents, SimClock clock) {
        return SimCluster.builder().withClock(clock)
                .agents(agents, a -> a.cpus(4).mem(4096).disk(10_000).ports(1000, 1010));
    }

    static Started started(int agents) {
        SimClock clock = SimClock.create();
        return start(builder(agents, clock).build(), clock);
    }

    static Started start(SimCluster cluster, SimClock clock) {
        RecordingListener listener = new RecordingListener();
        cluster.start(Optional.empty(), listener);
        cluster.deliver();
        return new Started((DefaultSimCluster) cluster, clock, listener);
    }

    /** @return {@code resource} reserved for the role with {@code resource_id} {@code id} */
    static Resource reserved(Resource resource, String id) {
        return resource.withReservation(Reservation.of(ROLE, PRINCIPAL, id).withLabel(Reservation.POD_INSTANCE, "node-0"));
    }

    static Resource cpus(double amount) {
        return Resource.scalar(Resource.CPUS, amount);
    }

    static Resource mem(double amount) {
        return Resource.scalar(Resource.MEM, amount);
    }

    static Resource disk(double amount) {
        return Resource.scalar(Resource.DISK, amount);
    }

    static Resource port(long port) {
        return Resource.ports(Range.of(port));
    }

    static Operation.Reserve reserve(Offer offer, Resource resource, String id) {
        return new Operation.Reserve(offer.id(), reserved(resource, id));
    }

    /** @return a task spec with the goal and, if asked, a health and a readiness check */
    static TaskSpec spec(String name, Goal goal, boolean checks) {
        return new TaskSpec(name, goal, true, "./run", Map.of(), Map.of(), Map.of(), 1.0, null, 256.0, Map.of(),
                checks ? CHECK : null, checks ? CHECK : null, Map.of(), null, null, 30, null);
    }

    /** @return task {@code node-<index>-<name>} with id {@code <full name>__1} on {@code resources} */
    static TaskLaunch task(int index, String name, Goal goal, boolean checks, Resource... resources) {
        return new TaskLaunch("node-" + index + "-" + name + "__1", "node-" + index, spec(name, goal, checks), Map.of(),
                Map.of(), List.of(resources));
    }

    /** @return a RUNNING-goal task {@code node-0-server} on {@code resources} */
    static TaskLaunch server(Resource... resources) {
        return task(0, "server", Goal.RUNNING, false, resources);
    }

    static Operation.Launch launch(Offer offer, TaskLaunch... tasks) {
        return new Operation.Launch(offer.id(), offer.agent().id(), tasks[0].podInstance(), List.of(tasks), List.of());
    }

    /** @return the amount of scalar {@code name} that is neither reserved nor pre-reserved in {@code offer} */
    static double unreserved(Offer offer, String name) {
        return offer.resources().stream()
                .filter(r -> r.name().equals(name) && r.reservation().isEmpty() && r.preReservedRole().isEmpty()
                        && !r.isMountDisk())
                .mapToDouble(Resource::amount).sum();
    }

    /** @return the resource reserved as {@code id} in {@code offer}, if offered */
    static Optional<Resource> reservedIn(Offer offer, String id) {
        return offer.resources().stream().filter(r -> r.resourceId().equals(Optional.of(id))).findFirst();
    }

    static Duration seconds(long seconds) {
        return Duration.ofSeconds(seconds);
    }
}
