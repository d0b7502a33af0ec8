package io.stratum.sdk.internal.offer;

import io.stratum.sdk.resource.Range;
import io.stratum.sdk.resource.Reservation;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.resource.ResourceValue;
import io.stratum.sdk.spec.PortRangeSpec;
import io.stratum.sdk.spec.PortSpec;
import io.stratum.sdk.spec.ResourceSetSpec;
import java.util.List;

/**
 * The ports of the launched tasks' resource sets, each reserved on its own ({@code port} label):
 * static ones first (the offer must hold that port), then dynamic ones ({@code port: 0}), picked
 * lowest first from the offer, within the port's ranges when it has any. A port the instance
 * already holds is kept; a static port whose number changed is swapped.
 */
final class PortStage {
    private final boolean dynamic;

    PortStage(boolean dynamic) {
        this.dynamic = dynamic;
    }

    /** @return whether the stage passed; on false the attempt holds the reason */
    boolean run(Attempt a) {
        for (ResourceSetSpec set : a.demand.sets) {
            for (PortSpec port : set.ports().values()) {
                if (port.isDynamic() == dynamic && !place(a, set, port)) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean place(Attempt a, ResourceSetSpec set, PortSpec port) {
        Resource held = a.existing(set.name(), Resource.PORTS, port.name());
        long heldPort = held == null ? -1 : ((ResourceValue.Ranges) held.value())
                .ranges().get(0).begin();
        if (held != null && (dynamic || heldPort == port.port())) {
            a.keep(held);
            a.addToSet(set.name(), held);
            a.addPort(set.name(), port.name(), heldPort);
            return true;
        }
        long chosen = dynamic ? pick(a.pool.ports, port.ranges()) : port.port();
        if (chosen < 0 || !a.pool.ports.contains(chosen)) {
            return a.fail(() -> dynamic
                    ? "no free port for dynamic port " + port.name() + describe(port.ranges()) + " of "
                            + a.demand.taskNames(a.podInstance, set.name()) + " on host " + a.ledger.agent.hostname()
                    : "port " + port.port() + " is not free on host " + a.ledger.agent.hostname() + ", wanted by "
                            + a.demand.taskNames(a.podInstance, set.name()));
        }
        a.pool.ports.take(chosen);
        if (held != null) {
            a.pool.ports.give(heldPort);
            a.release(held);
        }
        Resource reserved = a.reserve(Resource.ports(Range.of(chosen)), set.name(), Reservation.PORT, port.name());
        a.addToSet(set.name(), reserved);
        a.addPort(set.name(), port.name(), chosen);
        return true;
    }

    private static long pick(PortSet free, List<PortRangeSpec> ranges) {
        if (ranges.isEmpty()) {
            return free.first(1, Long.MAX_VALUE);
        }
        for (PortRangeSpec range : ranges) {
            long port = free.first(range.begin(), range.end());
            if (port >= 0) {
                return port;
            }
        }
        return -1;
    }

    private static String describe(List<PortRangeSpec> ranges) {
        return ranges.isEmpty() ? "" : " in " + ranges.stream()
                .map(r -> "[" + r.begin() + "-" + r.end() + "]").toList();
    }
}
