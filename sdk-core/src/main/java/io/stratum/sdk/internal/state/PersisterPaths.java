package io.stratum.sdk.internal.state;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks and splits persister paths: {@code /} alone (the root) or {@code /}-separated segments of
 * printable ASCII without spaces, none empty, {@code .} or {@code ..}. Keys that do not fit are
 * encoded by {@link SegmentCodec} first.
 */
final class PersisterPaths {
    static final String ROOT = "/";

    private PersisterPaths() {}

    /** @return {@code path}, if it is valid; the root is allowed */
    static String check(String path) {
        if (path == null || path.isEmpty() || path.charAt(0) != '/') {
            throw new IllegalArgumentException("a path starts with '/': " + quoted(path));
        }
        if (path.equals(ROOT)) {
            return path;
        }
        if (path.endsWith("/")) {
            throw new IllegalArgumentException("a path does not end with '/': " + quoted(path));
        }
        for (String segment : path.substring(1).split("/", -1)) {
            checkSegment(segment, path);
        }
        return path;
    }

    /** @return {@code path}, if it is valid and not the root */
    static String checkNotRoot(String path) {
        if (ROOT.equals(check(path))) {
            throw new IllegalArgumentException("the root '/' holds no value and cannot be deleted");
        }
        return path;
    }

    private static void checkSegment(String segment, String path) {
        if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
            throw new IllegalArgumentException("empty, '.' or '..' segment in path " + quoted(path));
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c <= ' ' || c > '~') {
                throw new IllegalArgumentException("path " + quoted(path) + " has a character outside printable "
                        + "ASCII at " + (path.indexOf(segment) + i) + "; encode keys with a store");
            }
        }
    }

    /** @return the parent of a non-root path ({@code /} for a top-level one) */
    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash == 0 ? ROOT : path.substring(0, slash);
    }

    /** @return the last segment of a non-root path */
    static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** @return {@code parent/name} */
    static String child(String parent, String name) {
        return ROOT.equals(parent) ? ROOT + name : parent + "/" + name;
    }

    /** @return the proper ancestors of a non-root path, top-down, without the root */
    static List<String> ancestors(String path) {
        List<String> out = new ArrayList<>();
        for (int slash = path.indexOf('/', 1); slash > 0; slash = path.indexOf('/', slash + 1)) {
            out.add(path.substring(0, slash));
        }
        return out;
    }

    private static String quoted(String path) {
        return path == null ? "null" : "'" + path + "'";
    }
}
