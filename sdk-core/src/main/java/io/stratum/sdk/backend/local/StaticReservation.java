package io.stratum.sdk.backend.local;

import java.util.Objects;

/**
 * Resources of each agent the operator statically reserved for a role (Mesos's
 * {@code --resources=cpus(R):2;mem(R):1024}): offered only as pre-reserved for {@code role}, and
 * only a pod with that {@code pre-reserved-role} uses them, refining their reservation into
 * {@code role/<its own role>}.
 *
 * @param role   the role, not blank, not {@code *}, not starting or ending with {@code /}
 * @param cpus   CPU shares, 0 or more
 * @param memMb  memory in MB, 0 or more
 * @param diskMb root disk in MB, 0 or more
 */
record StaticReservation(String role, double cpus, double memMb, double diskMb) {

    /** @throws IllegalArgumentException if the role is not a role name or an amount is negative or not finite */
    StaticReservation {
        Objects.requireNonNull(role, "role");
        if (role.isBlank() || role.equals("*") || role.startsWith("/") || role.endsWith("/") || role.startsWith(".")
                || role.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("pre-reserved role must be a role name (not blank, '*', or with spaces,"
                    + " no leading '.' or '/'): '" + role + "'");
        }
        amount(role, "cpus", cpus);
        amount(role, "memory", memMb);
        amount(role, "disk", diskMb);
        if (cpus + memMb + diskMb <= 0) {
            throw new IllegalArgumentException("pre-reserved role " + role + " must reserve some cpus, memory or disk");
        }
    }

    /** @return how much of scalar {@code name} (cpus, mem, disk) it holds; 0 for any other */
    double amount(String name) {
        return new AgentResources.Amounts(cpus, memMb, diskMb).of(name);
    }

    private static void amount(String role, String what, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("pre-reserved role " + role + ": " + what + " must be 0 or more: " + value);
        }
    }
}
