package io.stratum.sdk.internal.cluster;

import java.util.List;
import java.util.Objects;

/**
 * Fault domain zones of one region that agents are spread over, round-robin by their number: the
 * first agent in the first zone, and so on. Immutable.
 *
 * @param region the region; null when there are no zones
 * @param zones  the zones, in order; may be empty
 */
public record Zones(String region, List<String> zones) {
    /** No zones: agents have no fault domain. */
    public static final Zones NONE = new Zones(null, List.of());

    /**
     * @throws NullPointerException     if there are zones but no region
     * @throws IllegalArgumentException if the region or a zone is blank, or a zone is given twice
     */
    public Zones {
        zones = List.copyOf(zones);
        if (!zones.isEmpty()) {
            if (Objects.requireNonNull(region, "region").isBlank()) {
                throw new IllegalArgumentException("the region of zones must not be blank");
            }
            if (zones.stream().anyMatch(String::isBlank)) {
                throw new IllegalArgumentException("a zone must not be blank: " + zones);
            }
            if (zones.stream().distinct().count() < zones.size()) {
                throw new IllegalArgumentException("a zone is given twice: " + zones);
            }
        }
    }

    /** @return the zones of {@code region} */
    public static Zones of(String region, String... zones) {
        return new Zones(Objects.requireNonNull(region, "region"), List.of(zones));
    }

    public boolean isEmpty() {
        return zones.isEmpty();
    }

    /**
     * @param number the agent's number, 1 for the first
     * @return its zone
     * @throws IllegalStateException if there are no zones
     */
    public String zoneOf(int number) {
        if (zones.isEmpty()) {
            throw new IllegalStateException("no zones");
        }
        return zones.get((number - 1) % zones.size());
    }
}
