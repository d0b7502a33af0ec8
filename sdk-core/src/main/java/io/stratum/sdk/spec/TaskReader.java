package io.stratum.sdk.spec;

import io.stratum.sdk.internal.text.DidYouMean;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Reads one task: goal, command, environment, labels, configs, inline resources and checks. */
final class TaskReader {
    private final Path baseDir;

    TaskReader(Path baseDir) {
        this.baseDir = baseDir;
    }

    TaskSpec task(String name, MappingReader m) {
        Goal goal = goal(m);
        boolean essential = m.bool("essential", true);
        String cmd = m.requiredString("cmd");
        Map<String, String> labels = labels(m);
        Map<String, String> env = m.stringMap("env");
        Map<String, ConfigSpec> configs = m.named("configs", this::config);
        Double cpus = m.number("cpus");
        Double gpus = m.number("gpus");
        Double memory = m.number("memory");
        var ports = ResourceReader.ports(m);
        CheckSpec health = CheckReader.check(m.child("health-check"), true);
        CheckSpec readiness = CheckReader.check(m.child("readiness-check"), false);
        var volumes = ResourceReader.volumes(m);
        String resourceSet = m.string("resource-set");
        DiscoverySpec discovery = discovery(m.child("discovery"));
        int killGracePeriod = m.wholeOr("kill-grace-period", 0);
        ResourceLimitsSpec limits = ResourceReader.limits(m.child("resource-limits"));
        Unsupported.taskFields(m);
        m.finish();
        return new TaskSpec(name, goal, essential, cmd == null ? "" : cmd, labels, env, configs, cpus, gpus,
                memory, ports, health, readiness, volumes, resourceSet, discovery, killGracePeriod, limits);
    }

    private static Goal goal(MappingReader m) {
        String text = m.string("goal");
        if (text == null) {
            return Goal.RUNNING;
        }
        String upper = text.strip().toUpperCase(Locale.ROOT);
        if (upper.equals("FINISHED")) {
            return Goal.FINISH;
        }
        try {
            return Goal.valueOf(upper);
        } catch (IllegalArgumentException e) {
            m.problem("goal", "unknown goal '" + text + "': use RUNNING, FINISH or ONCE"
                    + DidYouMean.hint(upper, Arrays.stream(Goal.values()).map(Enum::name).toList()));
            return Goal.RUNNING;
        }
    }

    /**
     * Labels as a mapping, or in the DC/OS text form {@code key:value,key2:value2}. An empty value
     * means no labels; a blank text (say {@code labels: ""}) is refused, as the DC/OS SDK does.
     */
    private static Map<String, String> labels(MappingReader m) {
        YamlNode node = m.node("labels");
        if (node instanceof YamlNode.Mapping) {
            return m.stringMap("labels");
        }
        Map<String, String> out = new LinkedHashMap<>();
        String text = m.string("labels");
        if (text == null) {
            return out;
        }
        if (text.isBlank()) {
            m.problem("labels", "must not be blank: give key:value pairs, or leave labels out");
            return out;
        }
        for (String pair : text.split(",")) {
            int colon = pair.indexOf(':');
            if (colon <= 0) {
                m.problem("labels", "label '" + pair.strip() + "' must be key:value");
                continue;
            }
            out.put(pair.substring(0, colon).strip(), pair.substring(colon + 1).strip());
        }
        return out;
    }

    private ConfigSpec config(String name, MappingReader m) {
        String template = m.requiredString("template");
        String dest = m.requiredString("dest");
        m.finish();
        String content = null;
        if (template != null && !template.isBlank()) {
            Path file = baseDir.resolve(template).normalize();
            try {
                content = Files.readString(file);
            } catch (IOException e) {
                m.problem("template", "cannot read config template '" + template + "' (looked for " + file + ")");
            }
        }
        return new ConfigSpec(name, template == null ? "" : template, dest == null ? "" : dest, content);
    }

    private static DiscoverySpec discovery(MappingReader m) {
        if (m == null) {
            return null;
        }
        String prefix = m.string("prefix");
        String visibility = m.string("visibility");
        if (visibility != null && !visibility.toUpperCase(Locale.ROOT).matches("FRAMEWORK|CLUSTER|EXTERNAL")) {
            m.problem("visibility", "unknown visibility '" + visibility + "': use FRAMEWORK, CLUSTER or EXTERNAL");
        }
        m.finish();
        return new DiscoverySpec(prefix, visibility == null ? "CLUSTER" : visibility.toUpperCase(Locale.ROOT));
    }
}
