package io.stratum.sdk.placement;

import io.stratum.sdk.resource.Agent;

/** Reads the value of a placement {@link Field} from an {@link Agent}. */
final class FieldValues {
    private FieldValues() {
    }

    /** @return the agent's value for {@code field} (attributes in their text form), or null if it has none */
    static String of(Agent agent, Field field) {
        return switch (field.kind()) {
            case HOSTNAME -> agent.hostname();
            case ZONE -> agent.zone().orElse(null);
            case REGION -> agent.region().orElse(null);
            case ATTRIBUTE -> agent.attributeText(((Field.Attribute) field).name());
        };
    }

    /** @return how a field is named in reasons: {@code hostname}, {@code zone}, {@code region} or {@code attribute rack} */
    static String describe(Field field) {
        return switch (field.kind()) {
            case HOSTNAME -> "hostname";
            case ZONE -> "zone";
            case REGION -> "region";
            case ATTRIBUTE -> "attribute " + field.text();
        };
    }

    /** @return {@code agent h9 has no attribute rack} */
    static String missing(Agent agent, Field field) {
        return "agent " + agent.hostname() + " has no " + describe(field);
    }
}
