package io.stratum.sdk.internal.offer;

import io.stratum.sdk.backend.Operation;
import io.stratum.sdk.resource.PersistentVolume;
import io.stratum.sdk.resource.Reservation;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.resource.ResourceValue;
import io.stratum.sdk.spec.ResourceSetSpec;
import io.stratum.sdk.spec.VolumeSpec;
import io.stratum.sdk.spec.VolumeType;
import java.util.Map;

/**
 * Persistent volumes: the pod's own (resource set {@value #POD_SET}, shared by all its tasks) and
 * those of the launched tasks' resource sets. A volume the instance holds is reused as it is and
 * never resized or recreated; a new one is reserved and created: a ROOT volume from the root disk,
 * a MOUNT volume on the smallest whole MOUNT disk that is big enough and has an accepted profile.
 */
final class VolumeStage {
    static final String POD_SET = Reservation.POD_RESOURCE_SET;

    private VolumeStage() {}

    /** @return whether the stage passed; on false the attempt holds the reason */
    static boolean run(Attempt a) {
        if (!place(a, POD_SET, a.demand.pod.volumes(), "pod " + a.podInstance)) {
            return false;
        }
        for (ResourceSetSpec set : a.demand.sets) {
            if (!place(a, set.name(), set.volumes(), a.demand.taskNames(a.podInstance, set.name()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean place(Attempt a, String set, Map<String, VolumeSpec> volumes, String owner) {
        for (VolumeSpec volume : volumes.values()) {
            Resource held = a.existing(set, Resource.DISK, volume.name());
            boolean ok = held != null ? reuse(a, held, volume, owner)
                    : volume.type() == VolumeType.MOUNT ? createMount(a, set, volume, owner) : createRoot(a, set, volume, owner);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean reuse(Attempt a, Resource held, VolumeSpec volume, String owner) {
        boolean sizeOk = held.isMountDisk() ? held.amount() + Pool.EPSILON >= volume.size()
                : Math.abs(held.amount() - volume.size()) <= Pool.EPSILON;
        if (!sizeOk || held.isMountDisk() != (volume.type() == VolumeType.MOUNT)) {
            return a.fail(() -> "volume " + volume.name() + " of " + owner + " is " + volume.type() + " "
                    + ResourceValue.Scalar.format(volume.size()) + " MB in the spec but " + (held.isMountDisk() ? "MOUNT " : "ROOT ")
                    + ResourceValue.Scalar.format(held.amount()) + " MB on the agent; volumes are never resized");
        }
        a.keep(held);
        a.addToSet(setOf(held), held);
        return true;
    }

    private static boolean createRoot(Attempt a, String set, VolumeSpec volume, String owner) {
        if (a.pool.disk + Pool.EPSILON < volume.size()) {
            return a.fail(() -> "disk " + ResourceValue.Scalar.format(a.pool.disk) + " < "
                    + ResourceValue.Scalar.format(volume.size()) + " wanted by volume " + volume.name() + " of " + owner);
        }
        a.pool.disk -= volume.size();
        create(a, set, volume, Resource.scalar(Resource.DISK, volume.size()));
        return true;
    }

    private static boolean createMount(Attempt a, String set, VolumeSpec volume, String owner) {
        Resource best = null;
        for (Resource disk : a.pool.mounts) {
            boolean profileOk = volume.profiles().isEmpty()
                    || disk.disk().flatMap(d -> d.profile()).map(volume.profiles()::contains).orElse(false);
            if (profileOk && disk.amount() + Pool.EPSILON >= volume.size()
                    && (best == null || disk.amount() < best.amount())) {
                best = disk;
            }
        }
        if (best == null) {
            return a.fail(() -> "no MOUNT disk of at least " + ResourceValue.Scalar.format(volume.size()) + " MB"
                    + (volume.profiles().isEmpty() ? "" : " with profile " + String.join(" or ", volume.profiles()))
                    + " for volume " + volume.name() + " of " + owner + " on host " + a.ledger.agent.hostname());
        }
        a.pool.mounts.remove(best);
        create(a, set, volume, best);
        return true;
    }

    private static void create(Attempt a, String set, VolumeSpec volume, Resource disk) {
        Resource reserved = a.reserve(disk, set, Reservation.VOLUME, volume.name());
        PersistentVolume pv = new PersistentVolume(a.settings.identity().ids().next(a.podInstance + "-" + volume.name()),
                volume.path());
        Resource withVolume = a.keep(reserved.withVolume(pv));
        a.creates.add(new Operation.CreateVolume(a.ledger.offer.id(), withVolume));
        a.addToSet(set, withVolume);
    }

    private static String setOf(Resource held) {
        return Ledger.resourceSet(held);
    }
}
