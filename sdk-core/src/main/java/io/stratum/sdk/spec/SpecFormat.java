package io.stratum.sdk.spec;

/** Number formatting for messages: {@code 512} rather than {@code 512.0}. */
final class SpecFormat {
    private SpecFormat() {}

    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
    }
}
