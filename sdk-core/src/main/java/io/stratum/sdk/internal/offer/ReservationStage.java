package io.stratum.sdk.internal.offer;

import io.stratum.sdk.resource.PersistentVolume;
import io.stratum.sdk.resource.Resource;
import java.util.Optional;

/**
 * An instance placed before needs every one of its reservations, by {@code resource_id}, and every
 * volume, by persistence id, in the offer: nothing it holds is recreated silently.
 */
final class ReservationStage {

    private ReservationStage() {}

    /** @return whether the stage passed; on false the attempt holds the reason */
    static boolean run(Attempt a) {
        for (Resource held : a.request.footprint().orElseThrow().resources()) {
            String id = held.resourceId().orElseThrow();
            Resource offered = a.ledger.reserved(id);
            if (offered == null) {
                return a.fail(() -> "reservation " + id + " of " + a.podInstance + " (" + held.name() + " "
                        + held.value() + ") is not in the offer");
            }
            Optional<String> wanted = held.volume().map(PersistentVolume::persistenceId);
            if (wanted.isPresent() && !wanted.equals(offered.volume().map(PersistentVolume::persistenceId))) {
                return a.fail(() -> "volume " + wanted.get() + " of " + a.podInstance
                        + " is not in the offer; volumes are never recreated silently");
            }
        }
        return true;
    }
}
