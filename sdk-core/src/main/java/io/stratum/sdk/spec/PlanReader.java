package io.stratum.sdk.spec;

import io.stratum.sdk.internal.text.DidYouMean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads plans: strategy, phases, and custom steps ({@code - 0: [[a, b], [c]]}). */
final class PlanReader {
    private PlanReader() {}

    static PlanSpec plan(String name, MappingReader m) {
        Strategy strategy = strategy(m);
        var phases = m.named("phases", PlanReader::phase);
        if (!m.has("phases")) {
            m.problem("phases", "required field 'phases' is missing");
        }
        m.finish();
        return new PlanSpec(name, strategy, phases);
    }

    private static PhaseSpec phase(String name, MappingReader m) {
        Strategy strategy = strategy(m);
        String pod = m.requiredString("pod");
        List<StepSpec> steps = steps(m);
        boolean reserveOnly = m.bool("reserve-only", false);
        m.finish();
        return new PhaseSpec(name, strategy, pod == null ? "" : pod, steps, reserveOnly);
    }

    static Strategy strategy(MappingReader m) {
        String text = m.string("strategy");
        if (text == null) {
            return Strategy.SERIAL;
        }
        return Strategy.fromSpecName(text.strip()).orElseGet(() -> {
            List<String> names = Arrays.stream(Strategy.values()).map(Strategy::specName).toList();
            m.problem("strategy", "unknown strategy '" + text + "': use one of " + String.join(", ", names)
                    + DidYouMean.hint(text, names));
            return Strategy.SERIAL;
        });
    }

    private static List<StepSpec> steps(MappingReader m) {
        List<StepSpec> out = new ArrayList<>();
        YamlNode node = m.node("steps");
        if (node == null) {
            return out;
        }
        if (!(node instanceof YamlNode.Sequence list)) {
            m.problem("steps", "expected a list like '- default: [[task]]', got " + node.describe());
            return out;
        }
        for (int i = 0; i < list.items().size(); i++) {
            String path = m.childPath("steps") + "[" + i + "]";
            YamlNode item = list.items().get(i);
            if (!(item instanceof YamlNode.Mapping entry) || entry.entries().size() != 1) {
                m.problems().add(item.location(), path,
                        "each step entry is one '<index>: [[tasks]]' or 'default: [[tasks]]'");
                continue;
            }
            YamlNode.Entry e = entry.entries().values().iterator().next();
            m.locations().put(path, e.keyLocation());
            Integer index = null;
            if (!e.key().equals("default")) {
                try {
                    index = Integer.parseInt(e.key());
                    if (index < 0) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException ex) {
                    m.problems().add(e.keyLocation(), path, "step key must be a pod index (0, 1, ...) or 'default', got '"
                            + e.key() + "'");
                    continue;
                }
            }
            List<List<String>> groups = groups(e.value(), path, m.problems());
            if (groups != null) {
                out.add(new StepSpec(index, groups));
            }
        }
        return out;
    }

    /**
     * The task groups of one entry. An empty list ({@code default: []}) is no step at all for
     * those instances, as in the DC/OS SDK (Cassandra runs a keyspace step on instance 0 only);
     * an empty group ({@code [[]]}) is refused, as a step launching nothing.
     */
    private static List<List<String>> groups(YamlNode node, String path, Problems problems) {
        String shape = "expected a list of task lists like [[first], [second, third]], got ";
        if (!(node instanceof YamlNode.Sequence outer)) {
            problems.add(node.location(), path, shape + describe(node));
            return null;
        }
        List<List<String>> groups = new ArrayList<>();
        for (YamlNode inner : outer.items()) {
            if (!(inner instanceof YamlNode.Sequence tasks) || tasks.items().isEmpty()) {
                problems.add(inner.location(), path, shape + "an item that is " + describe(inner));
                return null;
            }
            List<String> names = new ArrayList<>();
            for (YamlNode task : tasks.items()) {
                if (!(task instanceof YamlNode.Scalar s) || s.isNull()) {
                    problems.add(task.location(), path, "expected a task name, got " + task.describe());
                    return null;
                }
                names.add(s.text());
            }
            groups.add(names);
        }
        return groups;
    }

    private static String describe(YamlNode node) {
        return node instanceof YamlNode.Sequence list && list.items().isEmpty() ? "an empty list" : node.describe();
    }
}
