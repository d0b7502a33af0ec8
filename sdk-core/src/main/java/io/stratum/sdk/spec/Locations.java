package io.stratum.sdk.spec;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each YAML path was read from (rendered-text positions), so checks that run on the
 * finished records can still point at the right line. A path not recorded falls back to its
 * nearest recorded parent.
 *
 * <p>Some records sit at another path than the YAML they came from: a single {@code volume} is
 * kept in the {@code volumes} map under its path. An alias maps such a record path back to the
 * YAML path, so problems name and locate what the author wrote.
 */
final class Locations {
    private final Map<String, SpecLocation> byPath = new HashMap<>();
    private final Map<String, String> aliases = new HashMap<>();

    void put(String path, SpecLocation location) {
        byPath.putIfAbsent(path, location);
    }

    /** Record paths at or below {@code recordPath} are written as {@code yamlPath} in problems. */
    void alias(String recordPath, String yamlPath) {
        aliases.put(recordPath, yamlPath);
    }

    /** @return {@code path} with an aliased record path replaced by the YAML path it came from */
    String yamlPath(String path) {
        for (Map.Entry<String, String> alias : aliases.entrySet()) {
            String from = alias.getKey();
            if (path.equals(from) || path.startsWith(from + ".") || path.startsWith(from + "[")) {
                return alias.getValue() + path.substring(from.length());
            }
        }
        return path;
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
