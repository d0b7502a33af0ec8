package io.stratum.sdk.resource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The amount of a {@link Resource}: a scalar ({@code cpus}, {@code mem}, {@code disk}), a set of
 * ranges ({@code ports}) or a set of items. Immutable values.
 */
public sealed interface ResourceValue permits ResourceValue.Scalar, ResourceValue.Ranges, ResourceValue.Items {

    /** @return a scalar amount, finite and 0 or more */
    static Scalar scalar(double value) {
        return new Scalar(value);
    }

    /** @return the given ranges, sorted and merged */
    static Ranges ranges(Range... ranges) {
        return new Ranges(List.of(ranges));
    }

    /** @return the given items */
    static Items items(String... items) {
        return new Items(Set.of(items));
    }

    /**
     * A scalar amount. Amounts are compared with a tolerance of {@link #EPSILON}, as sums of
     * fractional cpus are not exact in binary floating point.
     *
     * @param value finite, 0 or more
     */
    record Scalar(double value) implements ResourceValue {
        /** The tolerance within which two scalar amounts count as equal. */
        public static final double EPSILON = 1e-6;

        /** @throws IllegalArgumentException if the value is negative, NaN or infinite */
        public Scalar {
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("scalar must be finite and >= 0, got " + value);
            }
        }

        @Override
        public String toString() {
            return format(value);
        }

        /** @return {@code amount} for people: whole numbers without a fraction ({@code 512}), others exact ({@code 0.5}) */
        public static String format(double amount) {
            if (amount == Math.rint(amount) && Math.abs(amount) < 1e15) {
                return Long.toString((long) amount);
            }
            return Double.toString(amount);
        }
    }

    /**
     * Disjoint ranges in ascending order; overlapping or adjacent ranges given to the constructor
     * are merged.
     *
     * @param ranges the ranges; may be empty
     */
    record Ranges(List<Range> ranges) implements ResourceValue {
        public Ranges {
            List<Range> sorted = new ArrayList<>(Objects.requireNonNull(ranges, "ranges"));
            sorted.sort(Comparator.comparingLong(Range::begin));
            List<Range> merged = new ArrayList<>();
            for (Range r : sorted) {
                Range last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
                if (last != null && r.begin() <= last.end() + 1) {
                    merged.set(merged.size() - 1, new Range(last.begin(), Math.max(last.end(), r.end())));
                } else {
                    merged.add(r);
                }
            }
            ranges = List.copyOf(merged);
        }

        /** @return how many values the ranges hold */
        public long size() {
            return ranges.stream().mapToLong(Range::size).sum();
        }

        /** @return whether {@code value} lies in one of the ranges */
        public boolean contains(long value) {
            return ranges.stream().anyMatch(r -> r.contains(value));
        }

        @Override
        public String toString() {
            return ranges.toString();
        }
    }

    /**
     * An unordered set of text items, kept sorted.
     *
     * @param items the items; may be empty
     */
    record Items(Set<String> items) implements ResourceValue {
        public Items {
            items = Collections.unmodifiableSet(new TreeSet<>(Objects.requireNonNull(items, "items")));
        }

        @Override
        public String toString() {
            return "{" + String.join(",", items) + "}";
        }
    }
}
