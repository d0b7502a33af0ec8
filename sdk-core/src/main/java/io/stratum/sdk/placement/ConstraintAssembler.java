package io.stratum.sdk.placement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns raw constraints from either syntax into checked {@link PlacementConstraint}s, locating
 * each problem at the part that caused it. The field, operator and value rules themselves live in
 * {@link Field}, {@link Operator} and {@link PlacementConstraint}; their messages are reused here.
 */
final class ConstraintAssembler {

    private ConstraintAssembler() {
    }

    static List<PlacementConstraint> assemble(List<RawConstraint> raws)
            throws PlacementSyntaxException {
        List<PlacementConstraint> constraints = new ArrayList<>(raws.size());
        for (RawConstraint raw : raws) {
            constraints.add(assemble(raw));
        }
        return constraints;
    }

    private static PlacementConstraint assemble(RawConstraint raw) throws PlacementSyntaxException {
        List<Token> parts = raw.parts();
        if (parts.size() < 2) {
            throw raw.source().error(
                    "constraint needs a field and an operator, got " + raw.describe());
        }
        if (parts.size() > 3) {
            Token extra = parts.get(3);
            throw extra.error("constraint takes at most a field, an operator and a value, got extra '"
                    + extra.value() + "'");
        }
        Field field;
        Operator operator;
        try {
            field = Field.of(parts.get(0).value());
        } catch (IllegalArgumentException e) {
            throw parts.get(0).error(e.getMessage());
        }
        try {
            operator = Operator.of(parts.get(1).value());
        } catch (IllegalArgumentException e) {
            throw parts.get(1).error(e.getMessage());
        }
        if (parts.size() == 2 && operator.requiresValue()) {
            throw raw.source().error(operator + " needs a value, got " + raw.describe());
        }
        Optional<String> value = parts.size() == 3 ? Optional.of(parts.get(2).value()) : Optional.empty();
        try {
            return new PlacementConstraint(field, operator, value);
        } catch (IllegalArgumentException e) {
            // Missing values were handled above, so the constructor can only object to the value.
            throw parts.get(2).error(e.getMessage());
        }
    }
}
