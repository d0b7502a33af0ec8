package io.stratum.sdk.internal.offer;

import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.backend.Operation;
import io.stratum.sdk.resource.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds what we reserved but no known pod instance owns any more (after a replacement, a
 * decommission, or a crash between reserving and recording): every resource reserved for our
 * role whose {@code resource_id} is not owned. A volume on it is destroyed first, then its disk
 * unreserved.
 */
final class GarbageCollector {
    private GarbageCollector() {
    }

    static List<Operation> collect(String role, List<Offer> offers, Set<String> owned) {
        List<Operation> out = new ArrayList<>();
        for (Offer offer : offers) {
            for (Resource r : offer.resources()) {
                boolean ours = r.reservation().map(res -> res.role().equals(role)).orElse(false);
                if (!ours || r.resourceId().isEmpty() || owned.contains(r.resourceId().get())) {
                    continue;
                }
                if (r.volume().isPresent()) {
                    out.add(new Operation.DestroyVolume(offer.id(), r));
                    out.add(new Operation.Unreserve(offer.id(), r.withoutVolume()));
                } else {
                    out.add(new Operation.Unreserve(offer.id(), r));
                }
            }
        }
        return out;
    }
}
