package io.stratum.sdk.placement;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The placement constraints of one pod, all of which must hold. Empty means "anywhere".
 *
 * <p>{@link #render()} (also {@link #toString()}) gives the canonical JSON-list form, e.g.
 * {@code [["hostname","UNIQUE"],["rack","LIKE","r[1-3]"]]}, which {@link #parse}
 * reads back to an equal spec. Immutable; order and duplicates are kept as written.
 *
 * @param constraints the constraints in input order
 */
public record PlacementSpec(List<PlacementConstraint> constraints) {

    private static final PlacementSpec EMPTY = new PlacementSpec(List.of());

    /** Copies {@code constraints}; no element may be null. */
    public PlacementSpec {
        constraints = List.copyOf(Objects.requireNonNull(constraints, "constraints"));
    }

    /** @return the spec with no constraints */
    public static PlacementSpec empty() {
        return EMPTY;
    }

    /** @return a spec of the given constraints, in order */
    public static PlacementSpec of(PlacementConstraint... constraints) {
        return new PlacementSpec(List.of(constraints));
    }

    /** @return whether there are no constraints */
    public boolean isEmpty() {
        return constraints.isEmpty();
    }

    /**
     * Parses placement text in any of the three syntaxes: a JSON list of lists
     * ({@code [["hostname","UNIQUE"]]}), a comma list ({@code hostname:UNIQUE,rack:LIKE:r[1-3]}) or
     * Marathon's; empty or blank text means no constraints.
     *
     * @param text placement text; not null
     * @return the constraints, in input order
     * @throws PlacementSyntaxException at the first problem, naming and locating the bad token
     */
    public static PlacementSpec parse(String text) throws PlacementSyntaxException {
        return PlacementParser.parse(text);
    }

    /**
     * Reads the canonical form back (used by JSON deserialisation).
     *
     * @throws IllegalArgumentException if {@code text} does not parse: {@code bad placement rule: }
     *     and the parser's message, as the spec loader words it
     */
    @JsonCreator
    public static PlacementSpec fromText(String text) {
        try {
            return PlacementParser.parse(text);
        } catch (PlacementSyntaxException e) {
            throw new IllegalArgumentException("bad placement rule: " + e.getMessage(), e);
        }
    }

    /** @return the canonical JSON-list form; {@code []} when empty */
    @JsonValue
    public String render() {
        return constraints.stream()
                .map(PlacementConstraint::render)
                .collect(Collectors.joining(",", "[", "]"));
    }

    @Override
    public String toString() {
        return render();
    }
}
