package io.stratum.sdk.internal.http;

import io.stratum.sdk.http.ApiException;
import io.stratum.sdk.internal.text.DidYouMean;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Strict decoding of a request's path segments and query: percent-escapes must be complete and
 * spell UTF-8, raw characters must be ASCII, and the query may name only the parameters the route
 * takes, each once. Refusals are 400s naming {@code path}, the parameter, or {@code query}.
 */
final class RequestTarget {
    private RequestTarget() {}

    /** @return the decoded path segment (a {@code +} stays a {@code +}) */
    static String segment(String raw) {
        return decode(raw, false, "path", "the path");
    }

    /** @throws ApiException (400, {@code path}) if the raw path holds other than printable ASCII */
    static void checkPath(String rawPath) {
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                throw ApiException.badRequest("path", "the path holds a character that must be percent-encoded (UTF-8)"
                        + " at position " + (i + 1));
            }
        }
        decode(rawPath, false, "path", "the path");
    }

    /**
     * @param raw      the raw query ({@code a=1&b=x%20y}), or null
     * @param accepted the names the route takes
     * @param route    the route, for messages ({@code POST /v1/plans/{plan}/continue})
     * @return the decoded parameters, in request order
     */
    static Map<String, String> query(String raw, Set<String> accepted, String route) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), true, "query", "a query parameter's name");
            if (!accepted.contains(name)) {
                throw ApiException.badRequest(name, "unknown query parameter '" + name + "'" + DidYouMean.hint(name, accepted)
                        + "; " + route + (accepted.isEmpty() ? " takes none" : " takes: " + String.join(", ",
                        new TreeSet<>(accepted))));
            }
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true, name, "the value");
            if (out.put(name, value) != null) {
                throw ApiException.badRequest(name, "the query parameter '" + name + "' is given more than once");
            }
        }
        return out;
    }

    /** Percent-decodes {@code raw} as UTF-8; {@code plus} turns {@code +} into a space (queries). */
    private static String decode(String raw, boolean plus, String parameter, String what) {
        if (raw.indexOf('%') < 0 && !(plus && raw.indexOf('+') >= 0)) {
            checkAscii(raw, parameter, what);
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
                if (low < 0) {
                    throw ApiException.badRequest(parameter, what + " holds a bad percent-escape at position " + (i + 1)
                            + ": '%' must be followed by two hexadecimal digits");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c <= 0x20 || c >= 0x7f) {
                throw ApiException.badRequest(parameter, what + " holds a character that must be percent-encoded");
            } else {
                bytes.write(plus && c == '+' ? ' ' : c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest(parameter, what + " percent-encodes bytes that are not UTF-8 text");
        }
    }

    private static void checkAscii(String raw, String parameter, String what) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                throw ApiException.badRequest(parameter, what + " holds a character that must be percent-encoded");
            }
        }
    }
}
