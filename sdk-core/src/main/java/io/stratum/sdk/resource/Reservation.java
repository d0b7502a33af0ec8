package io.stratum.sdk.resource;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A dynamic reservation: resources set aside for a role by a principal, tagged with labels.
 *
 * <p>Every reservation Stratum makes carries a unique {@value #RESOURCE_ID} label, which is how a
 * relaunched task finds exactly its own resources again and how garbage collection recognises
 * reservations no pod owns any more. Stratum also records the pod instance, resource set and port
 * or volume name in labels ({@link #POD_INSTANCE}, {@link #RESOURCE_SET}, {@link #PORT},
 * {@link #VOLUME}). Immutable.
 *
 * @param role      the role reserved for; not blank
 * @param principal the principal that reserved; not blank
 * @param labels    free-form labels, in insertion order
 */
public record Reservation(String role, String principal, Map<String, String> labels) {

    /** The label holding the reservation's unique id. */
    public static final String RESOURCE_ID = "resource_id";
    /** The label naming the pod instance the reservation was made for, e.g. {@code node-2}. */
    public static final String POD_INSTANCE = "pod_instance";
    /** The label naming the resource set the reservation belongs to. */
    public static final String RESOURCE_SET = "resource_set";
    /**
     * The {@value #RESOURCE_SET} of what belongs to a pod instance as a whole rather than to one of
     * its tasks: its pod-level volumes, which every task of the instance sees.
     */
    public static final String POD_RESOURCE_SET = "@pod";
    /** The label naming the port a port reservation is for. */
    public static final String PORT = "port";
    /** The label naming the volume a disk reservation is for. */
    public static final String VOLUME = "volume";

    /** @throws IllegalArgumentException if role or principal is blank */
    public Reservation {
        requireText(role, "role");
        requireText(principal, "principal");
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(labels, "labels")));
    }

    /** @return a reservation carrying only the {@value #RESOURCE_ID} label */
    public static Reservation of(String role, String principal, String resourceId) {
        return new Reservation(role, principal, Map.of(RESOURCE_ID, resourceId));
    }

    /** @return this reservation with one more (or a replaced) label */
    public Reservation withLabel(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(labels);
        copy.put(key, value);
        return new Reservation(role, principal, copy);
    }

    /** @return the {@value #RESOURCE_ID} label, if this reservation has one */
    public Optional<String> resourceId() {
        return label(RESOURCE_ID);
    }

    /** @return the value of label {@code key}, if present */
    public Optional<String> label(String key) {
        return Optional.ofNullable(labels.get(key));
    }

    private static void requireText(String value, String what) {
        if (Objects.requireNonNull(value, what).isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
