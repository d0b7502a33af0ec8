package io.stratum.sdk.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stratum.sdk.internal.spec.SpecJson;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.SpecLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Targets every path that changes the target must refuse, each made twice: as an edit of a spec's
 * YAML (what the loader and {@code stratum update} read) and as the same edit of its JSON (what
 * the API reads, and what a spec built in Java holds), with the located problem both must give.
 */
final class BadTargets {
    static final String SPEC = """
            name: svc
            pods:
              hello:
                count: 2
                placement: hostname:UNIQUE
                tasks:
                  server:
                    cmd: serve
                    cpus: 0.5
                    gpus: 0
                    memory: 128
                    kill-grace-period: 5
                    env: {MODE: fast}
                    volumes:
                      data: {path: data, type: ROOT, size: 512}
                    ports:
                      http: {port: 0, env-key: HTTP_PORT}
                    health-check:
                      http: {port: http, path: /health}
                      interval: 5
                      timeout: 10
                      grace-period: 30
                      max-consecutive-failures: 3
                    readiness-check:
                      cmd: ready
                      interval: 5
                      timeout: 10
              world:
                count: 1
                uris: [https://example.com/a.tgz]
                tasks:
                  server: {cmd: world, cpus: 0.1, memory: 32, discovery: {prefix: world}}
            plans:
              deploy:
                strategy: serial
                phases:
                  hello-deploy:
                    pod: hello
                    steps: [{default: [[server]]}]
                  world-deploy: {pod: world}
            """;

    /**
     * One bad target.
     *
     * @param name     what is wrong
     * @param yamlFrom text of {@link #SPEC} to replace (null: no YAML form)
     * @param yamlTo   its replacement
     * @param json     the same edit of the spec's JSON
     * @param problem  the located problem, {@code path: message}, both forms give (null: the two
     *                 forms word it differently; then {@code path} is what they share)
     * @param path     where the problem is
     * @param rules    whether the spec is valid and only the update rules refuse it
     */
    record Case(String name, String yamlFrom, String yamlTo, Consumer<ObjectNode> json, String problem, String path,
            boolean rules) {
        @Override
        public String toString() {
            return name;
        }

        String yaml() {
            if (!SPEC.contains(yamlFrom)) {
                throw new IllegalStateException(name + ": the spec has no '" + yamlFrom + "'");
            }
            return SPEC.replace(yamlFrom, yamlTo);
        }

        /** @return the JSON body of this target */
        String body() {
            ObjectNode tree = tree();
            json.accept(tree);
            return tree.toString();
        }

        /** @return the target as a spec built in Java would hold it, or null when Java cannot build it */
        ServiceSpec spec() {
            try {
                return SpecJson.fromJson(body());
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private BadTargets() {}

    static ServiceSpec spec() {
        return load(SPEC);
    }

    static ServiceSpec load(String yaml) {
        try {
            return SpecLoader.builder().build().load("svc.yml", yaml, Path.of("."));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode tree() {
        try {
            return (ObjectNode) JSON.readTree(SpecJson.toJson(spec()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode at(ObjectNode root, String path) {
        ObjectNode node = root;
        for (String field : path.split("\\.")) {
            node = (ObjectNode) node.get(field);
        }
        return node;
    }

    private static Consumer<ObjectNode> set(String path, Object value) {
        int cut = path.lastIndexOf('.');
        return root -> at(root, path.substring(0, cut)).set(path.substring(cut + 1), JSON.valueToTree(value));
    }

    private static final String SERVER = "pods.hello.tasks.server";

    /** @return every bad target, each refused with a located problem */
    static List<Case> all() {
        List<Case> out = new ArrayList<>();
        // Field rules, the same message either way.
        field(out, "negative cpus", "cpus: 0.5", "cpus: -1", SERVER + ".cpus", -1, "must be greater than 0, got -1");
        field(out, "zero cpus", "cpus: 0.5", "cpus: 0", SERVER + ".cpus", 0, "must be greater than 0, got 0");
        field(out, "negative memory", "memory: 128", "memory: -32", SERVER + ".memory", -32,
                "must be greater than 0, got -32");
        field(out, "zero memory", "memory: 128", "memory: 0", SERVER + ".memory", 0, "must be greater than 0, got 0");
        field(out, "negative gpus", "gpus: 0", "gpus: -1", SERVER + ".gpus", -1,
                "must be greater than or equal to 0, got -1");
        field(out, "empty cmd", "cmd: serve", "cmd: \"\"", SERVER + ".cmd", "", "must not be empty");
        field(out, "blank cmd", "cmd: serve", "cmd: \"   \"", SERVER + ".cmd", "   ", "must not be empty");
        field(out, "null cmd", "cmd: serve", "cmd: ~", SERVER + ".cmd", (Object) null, "must not be empty");
        field(out, "negative health-check interval", "interval: 5\n          timeout: 10\n          grace",
                "interval: -5\n          timeout: 10\n          grace", SERVER + ".health-check.interval", -5,
                "must be greater than or equal to 1, got -5");
        field(out, "zero health-check interval", "interval: 5\n          timeout: 10\n          grace",
                "interval: 0\n          timeout: 10\n          grace", SERVER + ".health-check.interval", 0,
                "must be greater than or equal to 1, got 0");
        field(out, "health-check interval over a day", "interval: 5\n          timeout: 10\n          grace",
                "interval: 100000\n          timeout: 10\n          grace", SERVER + ".health-check.interval", 100000,
                "must be at most 86400, got 100000");
        field(out, "zero health-check timeout", "timeout: 10\n          grace", "timeout: 0\n          grace",
                SERVER + ".health-check.timeout", 0, "must be greater than or equal to 1, got 0");
        field(out, "negative grace period", "grace-period: 30", "grace-period: -1", SERVER + ".health-check.grace-period",
                -1, "must be greater than or equal to 0, got -1");
        field(out, "zero max failures", "max-consecutive-failures: 3", "max-consecutive-failures: 0",
                SERVER + ".health-check.max-consecutive-failures", 0, "must be greater than or equal to 1, got 0");
        field(out, "negative readiness interval", "cmd: ready\n          interval: 5", "cmd: ready\n          interval: -1",
                SERVER + ".readiness-check.interval", -1, "must be greater than or equal to 1, got -1");
        field(out, "count over the cap", "count: 2", "count: 100000", "pods.hello.count", 100000,
                "must be at most 10000, got 100000");
        field(out, "negative count", "count: 2", "count: -1", "pods.hello.count", -1,
                "must be greater than or equal to 0, got -1");
        field(out, "negative kill grace period", "kill-grace-period: 5", "kill-grace-period: -5",
                SERVER + ".kill-grace-period", -5, "must be greater than or equal to 0, got -5");
        field(out, "zero volume size", "size: 512", "size: 0", SERVER + ".volumes.data.size", 0,
                "must be greater than 0, got 0");
        field(out, "port over 65535", "port: 0, env-key", "port: 70000, env-key", SERVER + ".ports.http.port", 70000,
                "must be at most 65535, got 70000");
        field(out, "bad env-key", "env-key: HTTP_PORT", "env-key: 1BAD", SERVER + ".ports.http.env-key", "1BAD", null);
        field(out, "bad discovery prefix", "prefix: world", "prefix: Not_DNS", "pods.world.tasks.server.discovery.prefix",
                "Not_DNS", null);
        // Cross-field rules and rules the YAML readers enforce.
        field(out, "a plan naming an unknown pod", "world-deploy: {pod: world}", "world-deploy: {pod: nope}",
                "plans.deploy.phases.world-deploy.pod", "nope", "unknown pod 'nope'");
        out.add(new Case("a step naming an unknown task", "[[server]]", "[[srever]]",
                root -> at(root, "plans.deploy.phases.hello-deploy").set("steps", JSON.valueToTree(
                        List.of(Map.of("tasks", List.of(List.of("srever")))))),
                "plans.deploy.phases.hello-deploy.steps[0]: unknown task 'srever' in pod 'hello'", null, false));
        out.add(new Case("a step index out of range", "{default: [[server]]}", "{5: [[server]]}",
                root -> at(root, "plans.deploy.phases.hello-deploy").set("steps", JSON.valueToTree(
                        List.of(Map.of("podIndex", 5, "tasks", List.of(List.of("server")))))),
                "plans.deploy.phases.hello-deploy.steps[0]: pod index 5 is out of range: pod 'hello' has 2 instance(s)",
                null, false));
        out.add(new Case("a reserved plan name", "  deploy:\n    strategy", "  recovery:\n    strategy",
                root -> {
                    JsonNode deploy = at(root, "plans").remove("deploy");
                    ((ObjectNode) deploy).put("name", "recovery");
                    at(root, "plans").set("recovery", deploy);
                }, "plans.recovery: the plan name 'recovery' is the scheduler's own", null, false));
        field(out, "an absolute volume path", "path: data", "path: /data", SERVER + ".volumes.data.path", "/data",
                "must be relative to the sandbox, got the absolute path '/data'");
        field(out, "a volume path climbing out", "path: data", "path: ../data", SERVER + ".volumes.data.path", "../data",
                "must stay inside the sandbox");
        field(out, "a bad env name", "env: {MODE: fast}", "env: {1MODE: fast}", SERVER + ".env.1MODE",
                set(SERVER + ".env", Map.of("1MODE", "fast")), null);
        field(out, "an http check path without /", "path: /health", "path: health", SERVER + ".health-check.http.path",
                set(SERVER + ".healthCheck.probe.path", "health"), "must start with '/', got 'health'");
        field(out, "an unknown resource set", "cpus: 0.1, memory: 32, discovery", "resource-set: nope, discovery",
                "pods.world.tasks.server.resource-set", root -> {
                    ObjectNode task = at(root, "pods.world.tasks.server");
                    task.remove("cpus");
                    task.remove("memory");
                    task.put("resourceSet", "nope");
                }, "unknown resource set 'nope' (the pod declares no resource-sets)");
        field(out, "a relative uri", "uris: [https://example.com/a.tgz]", "uris: [a.tgz]", "pods.world.uris[0]",
                set("pods.world.uris", List.of("a.tgz")), "'a.tgz' is not an absolute URI (it needs a scheme such as https:)");
        field(out, "a bad placement", "placement: hostname:UNIQUE", "placement: hostname:BOGUS", "pods.hello.placement",
                set("pods.hello.placement", "hostname:BOGUS"), null);
        field(out, "an image that is empty", "count: 1\n    uris", "count: 1\n    image: \"\"\n    uris",
                "pods.world.image", set("pods.world.image", ""),
                "must not be empty: name a container image, or leave image out to run on the agent's own filesystem");
        field(out, "an unknown task run before decommission", "count: 1\n    uris",
                "count: 1\n    before-decommission: [sever]\n    uris", "pods.world.before-decommission[0]",
                set("pods.world.beforeDecommission", List.of("sever")),
                "unknown task 'sever' in pod 'world' (did you mean 'server'?)");
        // Update rules: valid specs the running target refuses.
        out.add(new Case("shrinking without allow-decommission", "count: 2", "count: 1",
                set("pods.hello.count", 1), "pods.hello.count: cannot shrink from 2 to 1 without allow-decommission: true",
                null, true));
        out.add(new Case("a volume resized", "size: 512", "size: 1024", set(SERVER + ".volumes.data.size", 1024),
                SERVER + ".volumes.data: volumes cannot change", null, true));
        out.add(new Case("a pod removed", null, null, root -> {
            JsonNode world = at(root, "pods").remove("world");
            ((ObjectNode) world).put("name", "xworld");
            at(root, "pods").set("xworld", world);
            at(root, "plans.deploy.phases.world-deploy").put("pod", "xworld");
        }, "pods.world: pod 'world' cannot be removed", null, true));
        return out;
    }

    /** A bad value at {@code path} in both forms; {@code message} null when the forms word it differently. */
    private static void field(List<Case> out, String name, String from, String to, String path, Object jsonValue,
            String message) {
        field(out, name, from, to, path, set(jsonPath(path), jsonValue), message);
    }

    private static void field(List<Case> out, String name, String from, String to, String path,
            Consumer<ObjectNode> json, String message) {
        out.add(new Case(name, from, to, json, message == null ? null : path + ": " + message, path, false));
    }

    /** {@code pods.hello.tasks.server.health-check.interval} as the JSON field path. */
    private static String jsonPath(String path) {
        StringBuilder out = new StringBuilder();
        for (String part : path.split("\\.")) {
            out.append(out.length() > 0 ? "." : "").append(switch (part) {
                case "health-check" -> "healthCheck";
                case "readiness-check" -> "readinessCheck";
                case "kill-grace-period" -> "killGracePeriod";
                case "grace-period" -> "gracePeriod";
                case "max-consecutive-failures" -> "maxConsecutiveFailures";
                case "env-key" -> "envKey";
                default -> part;
            });
        }
        return out.toString();
    }
}
