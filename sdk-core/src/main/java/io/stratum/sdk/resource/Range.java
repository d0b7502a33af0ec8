package io.stratum.sdk.resource;

/**
 * An inclusive range of whole numbers, used for ports ({@code [31000-32000]}).
 *
 * @param begin the first value, 0 or more
 * @param end   the last value, {@code begin} or more
 */
public record Range(long begin, long end) {

    /** @throws IllegalArgumentException if {@code begin} is negative or greater than {@code end} */
    public Range {
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("bad range [" + begin + "-" + end + "]");
        }
    }

    /** @return the range holding only {@code value} */
    public static Range of(long value) {
        return new Range(value, value);
    }

    /** @return how many values the range holds, at least 1 */
    public long size() {
        return end - begin + 1;
    }

    /** @return whether {@code value} lies within the range */
    public boolean contains(long value) {
        return value >= begin && value <= end;
    }

    @Override
    public String toString() {
        return begin == end ? "[" + begin + "]" : "[" + begin + "-" + end + "]";
    }
}
