package io.stratum.sdk.spec;

import io.stratum.sdk.internal.text.DidYouMean;
import io.stratum.sdk.placement.Field;
import io.stratum.sdk.placement.PlacementPreference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code placement-preferences} extension: a list of {@code prefer}, {@code avoid} or
 * {@code spread} entries (see {@link PlacementPreference}).
 */
final class PreferenceReader {
    private static final List<String> KINDS = List.of("prefer", "avoid", "spread");

    private PreferenceReader() {}

    static List<PlacementPreference> preferences(MappingReader pod) {
        List<PlacementPreference> out = new ArrayList<>();
        YamlNode node = pod.node("placement-preferences");
        if (node == null) {
            return out;
        }
        if (!(node instanceof YamlNode.Sequence list)) {
            pod.problem("placement-preferences", "expected a list of prefer/avoid/spread entries, got " + node.describe());
            return out;
        }
        for (int i = 0; i < list.items().size(); i++) {
            String path = pod.childPath("placement-preferences") + "[" + i + "]";
            YamlNode item = list.items().get(i);
            if (!(item instanceof YamlNode.Mapping m) || m.entries().size() != 1) {
                pod.problems().add(item.location(), path,
                        "each preference is one of prefer: {...}, avoid: {...} or spread: {...}");
                continue;
            }
            MappingReader entry = new MappingReader(m, path, pod.problems(), pod.locations());
            String kind = m.entries().keySet().iterator().next();
            if (!KINDS.contains(kind)) {
                entry.problem(kind, "unknown preference '" + kind + "'" + DidYouMean.hint(kind, KINDS));
                continue;
            }
            MappingReader body = entry.child(kind);
            if (body != null) {
                PlacementPreference preference = read(kind, body);
                if (preference != null) {
                    out.add(preference);
                }
            }
        }
        return out;
    }

    private static PlacementPreference read(String kind, MappingReader m) {
        String field = m.requiredString("field");
        Double weight = m.number("weight");
        double w = weight == null ? 1.0 : weight;
        if (!(w > 0)) {
            m.problem("weight", "must be greater than 0, got " + SpecFormat.number(w));
            w = 1.0;
        }
        if (field != null) {
            try {
                Field.of(field);
            } catch (IllegalArgumentException e) {
                m.problem("field", e.getMessage());
            }
        }
        PlacementPreference result = null;
        if (kind.equals("spread")) {
            Map<String, Double> targets = targets(m);
            result = field == null ? null : new PlacementPreference.Spread(field, targets, w);
        } else {
            String value = m.requiredString("value");
            if (field != null && value != null) {
                result = kind.equals("prefer")
                        ? new PlacementPreference.Prefer(field, value, w)
                        : new PlacementPreference.Avoid(field, value, w);
            }
        }
        m.finish();
        return result;
    }

    private static Map<String, Double> targets(MappingReader m) {
        Map<String, Double> targets = new LinkedHashMap<>();
        Map<String, String> raw = m.stringMap("targets");
        double sum = 0;
        boolean allValid = true;
        for (Map.Entry<String, String> e : raw.entrySet()) {
            try {
                double percent = Double.parseDouble(e.getValue());
                if (percent < 0 || percent > 100) {
                    throw new NumberFormatException();
                }
                targets.put(e.getKey(), percent);
                sum += percent;
            } catch (NumberFormatException ex) {
                allValid = false;
                m.problem("targets", "target for '" + e.getKey() + "' must be a percentage 0-100, got '"
                        + e.getValue() + "'");
            }
        }
        if (allValid && !targets.isEmpty() && Math.abs(sum - 100) > 0.01) {
            m.problem("targets", "target percentages must add up to 100, got " + SpecFormat.number(sum));
        }
        return targets;
    }
}
