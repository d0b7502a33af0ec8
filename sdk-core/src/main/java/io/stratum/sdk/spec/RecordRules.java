package io.stratum.sdk.spec;

import io.stratum.sdk.placement.Field;
import io.stratum.sdk.placement.PlacementPreference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The rules the YAML readers enforce while they build the records, checked again on the records
 * themselves, so that a spec that never was YAML (the API's JSON body, a spec built in Java) meets
 * them too: no null entries, names equal to the keys they are under, no blank required text,
 * checks, port ranges, volume profiles, preferences, plan steps and resource limits. A problem the
 * reader already reported at a path (or inside it) is not repeated.
 *
 * <p>{@link #check} returns whether the spec's shape is sound (no null entry, every name matching
 * its key); the cross-field rules may only run on a sound spec.
 */
final class RecordRules {
    private final Locations locations;
    private final Problems problems;
    private boolean sound = true;

    private RecordRules(Locations locations, Problems problems) {
        this.locations = locations;
        this.problems = problems;
    }

    /** @return whether the spec's shape is sound enough for the other rules */
    static boolean check(ServiceSpec spec, Locations locations, Problems problems) {
        RecordRules rules = new RecordRules(locations, problems);
        rules.named("pods", spec.pods(), PodSpec::name).forEach(rules::pod);
        rules.named("plans", spec.plans(), PlanSpec::name).forEach(rules::plan);
        return rules.sound;
    }

    private void problem(String recordPath, String message) {
        if (!problems.covers(locations.yamlPath(recordPath))) {
            problems.addAt(locations, recordPath, message);
        }
    }

    /** @return the entries of {@code map} that are not null and sit under their own name, by key */
    private <T> Map<String, T> named(String at, Map<String, T> map, Function<T, String> name) {
        Map<String, T> out = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            String path = at + "." + key;
            if (key == null) {
                problem(at, "a name must not be null");
                sound = false;
            } else if (value == null) {
                problem(path, "expected a mapping of fields, got null");
                sound = false;
            } else if (!key.equals(name.apply(value))) {
                problem(path + ".name", "must be '" + key + "', the key it is under, got '" + name.apply(value) + "'");
                sound = false;
            } else {
                out.put(key, value);
            }
        });
        return out;
    }

    private void texts(String at, Map<String, String> map) {
        map.forEach((key, value) -> {
            if (value == null) {
                problem(at + "." + key, "expected a text value, got null");
            }
        });
    }

    private void pod(String name, PodSpec pod) {
        String at = "pods." + name;
        if (pod.image() != null && pod.image().isBlank()) {
            problem(at + ".image", "must not be empty: name a container image, or leave image out to run on the "
                    + "agent's own filesystem");
        }
        named(at + ".rlimits", pod.rlimits(), RLimitSpec::name);
        named(at + ".host-volumes", pod.hostVolumes(), HostVolumeSpec::name).values().forEach(host ->
                sound &= host.hostPath() != null && host.containerPath() != null); // reported by FieldConstraints
        named(at + ".volumes", pod.volumes(), VolumeSpec::name).forEach((v, volume) -> volume(at + ".volumes." + v, volume));
        named(at + ".resource-sets", pod.resourceSets(), ResourceSetSpec::name).forEach((s, set) -> {
            String setAt = at + ".resource-sets." + s;
            resources(setAt, set.ports(), set.volumes(), set.resourceLimits());
        });
        for (int i = 0; i < pod.preferences().size(); i++) {
            preference(at + ".placement-preferences[" + i + "]", pod.preferences().get(i));
        }
        named(at + ".tasks", pod.tasks(), TaskSpec::name).forEach((t, task) -> task(at + ".tasks." + t, task));
    }

    private void task(String at, TaskSpec task) {
        texts(at + ".env", task.env());
        texts(at + ".labels", task.labels());
        named(at + ".configs", task.configs(), ConfigSpec::name);
        resources(at, task.ports(), task.volumes(), task.resourceLimits());
        check(at + ".health-check", task.healthCheck());
        check(at + ".readiness-check", task.readinessCheck());
    }

    private void resources(String at, Map<String, PortSpec> ports, Map<String, VolumeSpec> volumes,
            ResourceLimitsSpec limits) {
        named(at + ".ports", ports, PortSpec::name).forEach((p, port) -> port(at + ".ports." + p, port));
        named(at + ".volumes", volumes, VolumeSpec::name).forEach((v, volume) -> volume(at + ".volumes." + v, volume));
        if (limits != null) {
            limit(at + ".resource-limits.cpus", limits.cpus());
            limit(at + ".resource-limits.memory", limits.memory());
        }
    }

    private void limit(String path, Double value) {
        if (value != null && !(value > 0)) {
            problem(path, "must be a number greater than 0 or \"unlimited\", got '" + SpecFormat.number(value) + "'");
        }
    }

    private void port(String at, PortSpec port) {
        if (port.port() != 0 && !port.ranges().isEmpty()) {
            problem(at + ".ranges", "ranges apply only to a dynamic port (port: 0), but port is " + port.port());
        }
        for (int i = 0; i < port.ranges().size(); i++) {
            PortRangeSpec range = port.ranges().get(i);
            if (range == null) {
                problem(at + ".ranges[" + i + "]", "expected a {begin, end} range, got null");
            } else if (range.end() < range.begin()) {
                problem(at + ".ranges[" + i + "].end", "range end " + range.end() + " is below its begin " + range.begin());
            }
        }
    }

    private void volume(String at, VolumeSpec volume) {
        sound &= volume.path() != null; // reported by FieldConstraints
        if (!volume.profiles().isEmpty() && volume.type() != VolumeType.MOUNT) {
            problem(at + ".profiles", "profiles apply only to MOUNT volumes");
        }
    }

    private void check(String at, CheckSpec check) {
        if (check != null && check.probe() instanceof CheckProbe.Http http) {
            if (!http.path().startsWith("/")) {
                problem(at + ".http.path", "must start with '/', got '" + http.path() + "'");
            }
            if (!http.scheme().equals("http") && !http.scheme().equals("https")) {
                problem(at + ".http.scheme", "must be http or https, got '" + http.scheme() + "'");
            }
        }
    }

    private void preference(String at, PlacementPreference preference) {
        if (preference == null) {
            problem(at, "each preference is one of prefer: {...}, avoid: {...} or spread: {...}");
            return;
        }
        String field;
        String kind;
        if (preference instanceof PlacementPreference.Prefer prefer) {
            field = prefer.field();
            kind = "prefer";
        } else if (preference instanceof PlacementPreference.Avoid avoid) {
            field = avoid.field();
            kind = "avoid";
        } else {
            field = ((PlacementPreference.Spread) preference).field();
            kind = "spread";
        }
        try {
            Field.of(field);
        } catch (IllegalArgumentException e) {
            problem(at + "." + kind + ".field", e.getMessage());
        }
        if (preference instanceof PlacementPreference.Spread spread) {
            double sum = 0;
            for (Map.Entry<String, Double> target : spread.targets().entrySet()) {
                Double percent = target.getValue();
                if (percent == null || !(percent >= 0 && percent <= 100)) {
                    problem(at + ".spread.targets", "target for '" + target.getKey()
                            + "' must be a percentage 0-100, got '" + percent + "'");
                    return;
                }
                sum += percent;
            }
            if (!spread.targets().isEmpty() && Math.abs(sum - 100) > 0.01) {
                problem(at + ".spread.targets", "target percentages must add up to 100, got " + SpecFormat.number(sum));
            }
        }
    }

    private void plan(String name, PlanSpec plan) {
        named("plans." + name + ".phases", plan.phases(), PhaseSpec::name).forEach((p, phase) -> {
            String at = "plans." + name + ".phases." + p;
            if (phase.pod().isBlank()) {
                problem(at + ".pod", "must not be empty");
            }
            List<StepSpec> steps = phase.steps();
            for (int i = 0; i < steps.size(); i++) {
                step(at + ".steps[" + i + "]", steps.get(i));
            }
        });
    }

    private void step(String at, StepSpec step) {
        if (step == null) {
            problem(at, "each step entry is one '<index>: [[tasks]]' or 'default: [[tasks]]'");
            sound = false;
            return;
        }
        if (step.podIndex() != null && step.podIndex() < 0) {
            problem(at, "step key must be a pod index (0, 1, ...) or 'default', got '" + step.podIndex() + "'");
        }
        if (step.tasks().stream().anyMatch(List::isEmpty)) {
            problem(at, "expected a list of task lists like [[first], [second, third]], got an item that is an empty list");
        }
    }
}
