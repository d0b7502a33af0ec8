package io.stratum.sdk.backend.local;

import java.util.Map;
import java.util.Objects;

/**
 * A dynamic reservation on an agent: an amount of one resource set aside for a role, kept until
 * it is unreserved. The backend's own record, independent of the offer model.
 *
 * @param resourceId   the reservation's unique id (the SDK's resource id label)
 * @param role         the role it is reserved for
 * @param principal    who reserved it
 * @param labels       the reservation's labels
 * @param resourceName cpus, mem, disk, ports, ...
 * @param value        how much
 */
record Reservation(String resourceId, String role, String principal, Map<String, String> labels, String resourceName,
        ResourceValue value) {

    Reservation {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(resourceName, "resourceName");
        Objects.requireNonNull(value, "value");
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
