package io.stratum.sdk.internal.offer;

import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.resource.ResourceValue;
import io.stratum.sdk.spec.ResourceSetSpec;
import java.util.stream.Collectors;

/**
 * One scalar resource ({@code cpus}, {@code mem} or {@code gpus}) for every resource set the
 * launched tasks use, counted once per set however many tasks share it. A new set is reserved
 * fresh; a set the instance already holds is grown or shrunk by the difference, under the same
 * {@code resource_id}.
 */
final class ScalarStage {
    private final String name;

    ScalarStage(String name) {
        this.name = name;
    }

    /** @return whether the stage passed; on false the attempt holds the reason */
    boolean run(Attempt a) {
        double need = 0;
        for (ResourceSetSpec set : a.demand.sets) {
            need += Math.max(0, wanted(set) - held(a, set));
        }
        double free = a.pool.free(name);
        if (need > free + Pool.EPSILON) {
            double missing = need;
            String role = a.pool.role.equals(Pool.UNRESERVED) ? "" : " pre-reserved for role " + a.pool.role;
            return a.fail(() -> name + " " + ResourceValue.Scalar.format(free) + role + " < "
                    + ResourceValue.Scalar.format(missing) + " wanted by " + growing(a));
        }
        for (ResourceSetSpec set : a.demand.sets) {
            apply(a, set);
        }
        return true;
    }

    private void apply(Attempt a, ResourceSetSpec set) {
        double wanted = wanted(set);
        Resource held = a.existing(set.name(), name, null);
        Resource result;
        if (held == null) {
            if (wanted <= Pool.EPSILON) {
                return;
            }
            a.pool.adjust(name, -wanted);
            result = a.reserve(Resource.scalar(name, wanted), set.name(), null, null);
        } else if (wanted > held.amount() + Pool.EPSILON) {
            a.pool.adjust(name, -(wanted - held.amount()));
            result = a.grow(held, wanted - held.amount());
        } else if (wanted <= Pool.EPSILON) {
            a.pool.adjust(name, held.amount());
            a.release(held);
            return;
        } else if (wanted < held.amount() - Pool.EPSILON) {
            a.pool.adjust(name, held.amount() - wanted);
            result = a.shrink(held, held.amount() - wanted);
        } else {
            result = held;
        }
        a.addToSet(set.name(), result);
    }

    private double held(Attempt a, ResourceSetSpec set) {
        Resource held = a.existing(set.name(), name, null);
        return held == null ? 0 : held.amount();
    }

    private double wanted(ResourceSetSpec set) {
        return switch (name) {
            case Resource.CPUS -> set.cpus();
            case Resource.MEM -> set.memory();
            case Resource.GPUS -> set.gpus();
            default -> throw new IllegalStateException("not a resource-set scalar: " + name);
        };
    }

    private String growing(Attempt a) {
        return a.demand.sets.stream()
                .filter(set -> wanted(set) > held(a, set) + Pool.EPSILON)
                .map(set -> a.demand.taskNames(a.podInstance, set.name()))
                .collect(Collectors.joining(" and "));
    }
}
