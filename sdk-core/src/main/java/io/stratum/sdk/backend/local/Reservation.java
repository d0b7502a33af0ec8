package io.stratum.sdk.backend.local;

import java.util.Map;
import java.util.Objects;

/**
 * A dynamic reservation on an agent: an amount of one resource set aside for a role, kept until
 * it is unreserved. The backend's own record, independent of the offer model.
 *
 * <p>As on a Mesos agent, a reservation of resources statically reserved for a role {@code R}
 * refines it: its {@code role} is {@code R/<scheduler's role>} and {@code preReservedRole} is
 * {@code R}.
 *
 * @param resourceId      the reservation's unique id (the SDK's resource id label)
 * @param role            the role it is reserved for (refined when pre-reserved)
 * @param principal       who reserved it
 * @param labels          the reservation's labels
 * @param resourceName    cpus, mem, disk, ports, ...
 * @param value           how much
 * @param preReservedRole the static role it refines, or null for unreserved resources
 * @param mount           for disk on a MOUNT disk, the disk's id ({@code mount-1}); null for the root disk
 */
record Reservation(String resourceId, String role, String principal, Map<String, String> labels, String resourceName,
        ResourceValue value, String preReservedRole, String mount) {

    Reservation {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(resourceName, "resourceName");
        Objects.requireNonNull(value, "value");
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        if (preReservedRole != null && !role.startsWith(preReservedRole + "/")) {
            throw new IllegalArgumentException("a reservation of resources pre-reserved for " + preReservedRole
                    + " must refine it, not be for " + role);
        }
    }

    /** A reservation of unreserved resources on the root disk. */
    Reservation(String resourceId, String role, String principal, Map<String, String> labels, String resourceName,
            ResourceValue value) {
        this(resourceId, role, principal, labels, resourceName, value, null, null);
    }

    /** @return this reservation holding {@code value} instead */
    Reservation withValue(ResourceValue value) {
        return new Reservation(resourceId, role, principal, labels, resourceName, value, preReservedRole, mount);
    }
}
