package io.stratum.sdk.resource;

import java.util.Objects;

/**
 * The value of an agent attribute, as the operator configured it: text ({@code rack:r1}), a
 * scalar ({@code disks:4}), ranges ({@code slots:[1-3]}) or a set ({@code tags:{a,b}}).
 *
 * <p>Placement rules match the {@link #text()} form, which is Marathon's: text as is, scalars
 * without a fraction when whole ({@code 4}, {@code 2.5}), ranges as {@code [1-3,7-9]}, sets as
 * {@code {a,b}}. Immutable values.
 */
public sealed interface AttributeValue
        permits AttributeValue.Text, AttributeValue.Scalar, AttributeValue.Ranges, AttributeValue.Items {

    /** @return the text placement rules match against */
    String text();

    /** @return a text attribute */
    static AttributeValue text(String text) {
        return new Text(text);
    }

    /** @return a scalar attribute */
    static AttributeValue scalar(double value) {
        return new Scalar(value);
    }

    /** Free text. @param value the text, not null */
    record Text(String value) implements AttributeValue {
        public Text {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String text() {
            return value;
        }
    }

    /** A number. @param value the number */
    record Scalar(double value) implements AttributeValue {
        @Override
        public String text() {
            return ResourceValue.Scalar.format(value);
        }
    }

    /** Ranges of whole numbers. @param value the ranges */
    record Ranges(ResourceValue.Ranges value) implements AttributeValue {
        public Ranges {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String text() {
            StringBuilder text = new StringBuilder("[");
            for (Range r : value.ranges()) {
                text.append(text.length() > 1 ? "," : "").append(r.begin()).append('-').append(r.end());
            }
            return text.append(']').toString();
        }
    }

    /** A set of items. @param value the items */
    record Items(ResourceValue.Items value) implements AttributeValue {
        public Items {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String text() {
            return value.toString();
        }
    }
}
