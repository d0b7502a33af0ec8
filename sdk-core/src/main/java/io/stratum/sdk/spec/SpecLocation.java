package io.stratum.sdk.spec;

/**
 * A position in a spec file as the author sees it: 1-based line and column of the template file
 * (before mustache rendering).
 *
 * @param line   1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 */
public record SpecLocation(int line, int column) {
    /** A location for problems that belong to the whole file. */
    public static final SpecLocation UNKNOWN = new SpecLocation(0, 0);

    public SpecLocation {
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be >= 0, got " + line + ":" + column);
        }
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
