package io.stratum.sdk.placement;

import io.stratum.sdk.internal.text.DidYouMean;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The agent property a {@link PlacementConstraint} looks at: the agent's hostname, its fault
 * domain zone or region, or one of its attributes (e.g. {@code rack}).
 *
 * <p>Evaluators ask {@link #kind()} which property to read; for {@link Kind#ATTRIBUTE} the
 * attribute's name is {@link Attribute#name()}. {@link #of(String)} reads the spellings of the
 * placement grammar ({@code hostname} and {@code @hostname} are the same field) and
 * {@link #text()} gives the canonical one. Instances are immutable values.
 */
public sealed interface Field permits Field.Hostname, Field.Zone, Field.Region, Field.Attribute {

    /** Which agent property a field refers to. */
    enum Kind { HOSTNAME, ZONE, REGION, ATTRIBUTE }

    /** @return which agent property this field refers to */
    Kind kind();

    /** @return the canonical spelling: {@code hostname}, {@code @zone}, {@code @region} or the attribute name */
    String text();

    /** @return the agent's hostname */
    static Field hostname() {
        return new Hostname();
    }

    /** @return the agent's fault domain zone */
    static Field zone() {
        return new Zone();
    }

    /** @return the agent's fault domain region */
    static Field region() {
        return new Region();
    }

    /**
     * @param name an attribute name: letters, digits, {@code _ - . /}
     * @return the named agent attribute
     * @throws IllegalArgumentException if the name is not a valid attribute name
     */
    static Field attribute(String name) {
        return new Attribute(name);
    }

    /**
     * @param text {@code hostname}, {@code @hostname}, {@code @zone}, {@code @region} or an
     *     attribute name; case matters, as agent attribute names are case-sensitive
     * @return the field
     * @throws IllegalArgumentException naming the input if it is empty, an unknown {@code @} name
     *     (with a did-you-mean) or not a valid attribute name
     */
    static Field of(String text) {
        return switch (text) {
            case "hostname", "@hostname" -> hostname();
            case "@zone" -> zone();
            case "@region" -> region();
            case "" -> throw new IllegalArgumentException("empty field name");
            default -> {
                if (text.startsWith("@")) {
                    throw new IllegalArgumentException("unknown field '" + text + "'"
                            + DidYouMean.hint(text, List.of("@hostname", "@zone", "@region")));
                }
                yield attribute(text);
            }
        };
    }

    /** The agent's hostname. */
    record Hostname() implements Field {
        @Override public Kind kind() { return Kind.HOSTNAME; }
        @Override public String text() { return "hostname"; }
        @Override public String toString() { return text(); }
    }

    /** The agent's fault domain zone. */
    record Zone() implements Field {
        @Override public Kind kind() { return Kind.ZONE; }
        @Override public String text() { return "@zone"; }
        @Override public String toString() { return text(); }
    }

    /** The agent's fault domain region. */
    record Region() implements Field {
        @Override public Kind kind() { return Kind.REGION; }
        @Override public String text() { return "@region"; }
        @Override public String toString() { return text(); }
    }

    /**
     * A named agent attribute, e.g. {@code rack}.
     *
     * @param name letters, digits, {@code _ - . /} (Mesos' attribute name characters), and not
     *     {@code hostname}, which always means {@link Hostname}
     */
    record Attribute(String name) implements Field {
        private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_./-]+");

        /** @throws IllegalArgumentException if {@code name} is not a valid attribute name */
        public Attribute {
            Objects.requireNonNull(name, "name");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("invalid attribute name '" + name
                        + "' (use letters, digits, '_', '-', '.' or '/')");
            }
            if (name.equals("hostname")) {
                // Otherwise two unequal values would both render as "hostname".
                throw new IllegalArgumentException("'hostname' is not an attribute name, use Field.hostname()");
            }
        }

        @Override public Kind kind() { return Kind.ATTRIBUTE; }
        @Override public String text() { return name; }
        @Override public String toString() { return text(); }
    }
}
