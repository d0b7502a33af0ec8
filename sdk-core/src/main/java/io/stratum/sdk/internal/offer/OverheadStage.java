package io.stratum.sdk.internal.offer;

import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.resource.ResourceValue;

/**
 * Reserves the executor overhead once per pod instance (resource set label {@value #SET}, a name
 * no spec resource set can have); an instance placed before keeps what it holds.
 */
final class OverheadStage {
    static final String SET = "@executor";

    private OverheadStage() {}

    /** @return whether the stage passed; on false the attempt holds the reason */
    static boolean run(Attempt a) {
        Settings.Overhead overhead = a.settings.overhead();
        String[] names = {Resource.CPUS, Resource.MEM, Resource.DISK};
        double[] amounts = {overhead.cpus(), overhead.mem(), overhead.disk()};
        for (int i = 0; i < names.length; i++) {
            if (amounts[i] <= 0) {
                continue;
            }
            Resource held = a.existing(SET, names[i], null);
            if (held != null) {
                a.executorResources.add(held);
                continue;
            }
            double free = a.pool.free(names[i]);
            if (free + Pool.EPSILON < amounts[i]) {
                String name = names[i];
                double amount = amounts[i];
                return a.fail(() -> name + " " + ResourceValue.Scalar.format(free) + " < "
                        + ResourceValue.Scalar.format(amount) + " wanted by the executor of " + a.podInstance);
            }
            a.pool.adjust(names[i], -amounts[i]);
            a.executorResources.add(a.reserve(Resource.scalar(names[i], amounts[i]), SET, null, null));
        }
        return true;
    }
}
