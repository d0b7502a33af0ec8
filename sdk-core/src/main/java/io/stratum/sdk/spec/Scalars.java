package io.stratum.sdk.spec;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Reads typed values out of YAML scalars, the way Jackson binding would but with located errors:
 * quoted numbers and booleans are accepted ({@code port: "8080"}), anything else is a problem
 * naming what was expected and what was found.
 */
final class Scalars {
    private Scalars() {}

    /** Thrown inside the reader for one bad value; caught and turned into a problem. */
    static final class BadValue extends Exception {
        BadValue(String message) {
            super(message, null, false, false);
        }
    }

    static String text(YamlNode node) throws BadValue {
        if (node instanceof YamlNode.Scalar scalar) {
            return scalar.isNull() ? null : scalar.text();
        }
        throw new BadValue("expected a text value, got " + node.describe());
    }

    static Long whole(YamlNode node) throws BadValue {
        String text = text(node);
        if (text == null) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text.strip());
            return value.longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new BadValue("expected a whole number, got " + node.describe());
        }
    }

    static Double number(YamlNode node) throws BadValue {
        String text = text(node);
        if (text == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(text.strip());
            if (Double.isNaN(value) || Double.isInfinite(value) || text.strip().matches("(?i).*(nan|infinity|[xp]).*")) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new BadValue("expected a number, got " + node.describe());
        }
    }

    static Boolean bool(YamlNode node) throws BadValue {
        String text = text(node);
        if (text == null) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new BadValue("expected true or false, got " + node.describe());
        };
    }
}
