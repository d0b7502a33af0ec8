package io.stratum.sdk.internal.state;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Turns any non-empty string (a task name, a property key, a service name with {@code /} in it)
 * into one path segment and back, injectively: letters, digits, {@code -}, {@code _} and {@code .}
 * stay as they are, every other UTF-8 byte becomes {@code %XX}. A key made only of dots has its dots
 * encoded too, since {@code .} and {@code ..} are not valid segments.
 */
final class SegmentCodec {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private SegmentCodec() {}

    /** @return {@code key} as one path segment */
    static String encode(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("a key must not be empty");
        }
        boolean onlyDots = key.chars().allMatch(c -> c == '.');
        StringBuilder out = new StringBuilder(key.length());
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (isPlain(c) && !(onlyDots && c == '.')) {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
        }
        return out.toString();
    }

    /** @return the key that {@link #encode} turned into {@code segment} */
    static String decode(String segment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%' && i + 2 < segment.length()) {
                bytes.write(Integer.parseInt(segment, i + 1, i + 3, 16));
                i += 2;
            } else if (c == '%') {
                throw new IllegalArgumentException("truncated escape in segment '" + segment + "'");
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isPlain(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.';
    }
}
