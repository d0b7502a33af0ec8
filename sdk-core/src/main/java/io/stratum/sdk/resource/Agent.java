package io.stratum.sdk.resource;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A machine that offers resources: its id, hostname, fault domain (region and zone) and
 * attributes. Placement rules look at these; offers and placed tasks carry one.
 *
 * <p>Build with {@link #of(String, String)} and the {@code with*} methods. Immutable; equal when
 * every field is equal.
 *
 * @param id         the agent id the cluster gave it; not blank
 * @param hostname   its hostname; not blank
 * @param zone       its fault domain zone, if known
 * @param region     its fault domain region, if known
 * @param attributes its attributes by name, in insertion order
 */
public record Agent(String id, String hostname, Optional<String> zone, Optional<String> region,
        Map<String, AttributeValue> attributes) {

    /** @throws IllegalArgumentException if id or hostname is blank */
    public Agent {
        if (Objects.requireNonNull(id, "id").isBlank() || Objects.requireNonNull(hostname, "hostname").isBlank()) {
            throw new IllegalArgumentException("agent id and hostname must not be blank");
        }
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(region, "region");
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(attributes, "attributes")));
    }

    /** @return an agent without fault domain or attributes */
    public static Agent of(String id, String hostname) {
        return new Agent(id, hostname, Optional.empty(), Optional.empty(), Map.of());
    }

    /** @return this agent in {@code zone} of {@code region} */
    public Agent withFaultDomain(String region, String zone) {
        return new Agent(id, hostname, Optional.of(zone), Optional.of(region), attributes);
    }

    /** @return this agent with attribute {@code name} set to {@code value} */
    public Agent withAttribute(String name, AttributeValue value) {
        Map<String, AttributeValue> copy = new LinkedHashMap<>(attributes);
        copy.put(name, value);
        return new Agent(id, hostname, zone, region, copy);
    }

    /** @return this agent with text attribute {@code name:value} */
    public Agent withAttribute(String name, String value) {
        return withAttribute(name, AttributeValue.text(value));
    }

    /** @return the text form of attribute {@code name}, or null if the agent lacks it */
    public String attributeText(String name) {
        AttributeValue value = attributes.get(name);
        return value == null ? null : value.text();
    }
}
