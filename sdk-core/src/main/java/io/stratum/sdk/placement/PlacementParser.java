package io.stratum.sdk.placement;

import java.util.List;
import java.util.Objects;

/**
 * Parses Marathon-style placement constraints, in any of the three syntaxes DC/OS service specs
 * use, into a {@link PlacementSpec}:
 *
 * <ol>
 *   <li>a JSON-style list of constraints: {@code [["hostname","UNIQUE"], ['rack', 'LIKE', 'r[1-3]']]}
 *       (single or double quotes, whitespace anywhere);
 *   <li>a single constraint, {@code ["hostname","UNIQUE"]}, or lists nested to any depth whose
 *       innermost lists are constraints;
 *   <li>comma-separated: {@code hostname:UNIQUE,rack:LIKE:r[1-3]}, with {@code \,} {@code \:}
 *       {@code \\} escapes so values may contain separators.
 * </ol>
 *
 * Text whose first non-blank character is {@code [} is read as JSON-style, anything else as
 * comma-separated. Empty or blank text and {@code []} mean no constraints. Fields are
 * {@code hostname} (or {@code @hostname}), {@code @zone}, {@code @region} or an attribute name;
 * operators are matched case-insensitively. See {@link Operator} for which values each accepts.
 *
 * <p>Stateless and thread-safe.
 */
final class PlacementParser {

    private PlacementParser() {
    }

    /**
     * @param text placement text in any of the three syntaxes; not null
     * @return the constraints, in input order
     * @throws PlacementSyntaxException at the first problem, naming and locating the bad token
     */
    static PlacementSpec parse(String text) throws PlacementSyntaxException {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            return PlacementSpec.empty();
        }
        List<RawConstraint> raw = text.strip().startsWith("[")
                ? JsonListReader.read(text)
                : CommaListReader.read(text);
        return new PlacementSpec(ConstraintAssembler.assemble(raw));
    }
}
