package io.stratum.sdk.spec;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each YAML path was read from (rendered-text positions), so checks that run on the
 * finished records can still point at the right line. A path not recorded falls back to its
 * nearest recorded parent.
 */
final class Locations {
    private final Map<String, SpecLocation> byPath = new HashMap<>();

    void put(String path, SpecLocation location) {
        byPath.putIfAbsent(path, location);
    }

    SpecLocation of(String path) {
        String p = path;
        while (true) {
            SpecLocation found = byPath.get(p);
            if (found != null) {
                return found;
            }
            if (p.isEmpty()) {
                return new SpecLocation(1, 1);
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
    }
}
