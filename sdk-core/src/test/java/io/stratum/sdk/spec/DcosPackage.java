package io.stratum.sdk.spec;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.samskivert.mustache.Mustache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a DC/OS scheduler's environment from a Universe package, the way a DC/OS cluster did:
 * the option defaults of {@code config.json} (plus any options given) and the rendered
 * {@code resource.json} (or test URLs for its assets, see {@link #resource}) are rendered into
 * {@code marathon.json.mustache} as Cosmos did, and Marathon then starts the scheduler with the
 * app's {@code env} plus a {@code PORT<n>} and {@code PORT_<NAME>} per port definition.
 */
final class DcosPackage {
    /** Marathon picks a free port for a port definition with {@code port: 0}; tests use a fixed one. */
    static final String MARATHON_PORT = "10000";

    /** The assets {@code marathon.json.mustache} names, as {@code {{resource.assets.uris.<name>}}}. */
    private static final Pattern ASSET = Pattern.compile("\\{\\{resource\\.assets\\.uris\\.([A-Za-z0-9_.-]+)}}");

    /**
     * The values dcos-commons' package builder (tools/universe/package_builder.py) substituted into
     * the Universe files at build time; test values here, under the package's artifact folder.
     */
    private static Map<String, Object> buildParams(String packageName) {
        String artifacts = "https://artifacts.example.invalid/" + packageName;
        return Map.of(
                "artifact-dir", artifacts,
                "scheduler-jre-url", artifacts + "/jre.tar.gz",
                "libmesos-bundle-url", artifacts + "/libmesos-bundle.tar.gz",
                "sha256:dcos-service-cli-darwin", "0000",
                "sha256:dcos-service-cli-linux", "0000",
                "sha256:dcos-service-cli.exe", "0000",
                "package-name", packageName,
                "package-version", "stub-universe",
                "package-build-time-epoch-ms", "1500000000000",
                "package-build-time-str", "Fri Jul 14 2017 02:40:00 +0000");
    }

    /**
     * Cosmos's mustache (mustache.java) writes values unescaped, and JSON-escapes option strings
     * itself; empty strings and nulls are false in sections, and a null renders as nothing.
     */
    private static final Mustache.Compiler COSMOS_MUSTACHE = Mustache.compiler()
            .escapeHTML(false)
            .emptyStringIsFalse(true)
            .strictSections(false)
            .nullValue("");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path universe;
    private final Map<String, Object> buildParams;

    /**
     * @param universe    the package's Universe folder ({@code config.json}, {@code marathon.json.mustache},
     *                    and {@code resource.json} if the corpus has it)
     * @param packageName the package's name, as the package builder gave it
     */
    DcosPackage(Path universe, String packageName) {
        this.universe = universe;
        this.buildParams = buildParams(packageName);
    }

    /**
     * @param options option values by dotted path ({@code hello.secret1}), overriding the defaults,
     *                as an {@code options.json} given at install would
     * @return the scheduler's environment
     */
    Map<String, String> schedulerEnv(Map<String, String> options) {
        Map<String, Object> context = new LinkedHashMap<>(buildParams);
        context.putAll(defaults(read("config.json")));
        options.forEach((path, value) -> put(context, path, value));
        String app = text("marathon.json.mustache");
        context.put("resource", resource(app));
        return environment(parse(COSMOS_MUSTACHE.compile(app).execute(context)));
    }

    /**
     * The rendered {@code resource.json}. A corpus without one (the Cassandra and HDFS copies keep
     * only {@code config.json} and {@code marathon.json.mustache}) gets, for each asset the app
     * names, a test URL in the artifact folder, as the package builder would have written it.
     */
    private Object resource(String app) {
        if (Files.exists(universe.resolve("resource.json"))) {
            return toMustache(parse(COSMOS_MUSTACHE.compile(text("resource.json")).execute(buildParams)));
        }
        Map<String, Object> uris = new LinkedHashMap<>();
        Matcher asset = ASSET.matcher(app);
        while (asset.find()) {
            uris.put(asset.group(1), buildParams.get("artifact-dir") + "/" + asset.group(1));
        }
        return Map.of("assets", Map.of("uris", uris));
    }

    /** Marathon's environment for the rendered app: its {@code env} and a variable per port definition. */
    private static Map<String, String> environment(JsonNode app) {
        Map<String, String> env = new LinkedHashMap<>();
        app.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        JsonNode ports = app.path("portDefinitions");
        for (int i = 0; i < ports.size(); i++) {
            int port = ports.get(i).path("port").asInt();
            String value = port == 0 ? MARATHON_PORT : Integer.toString(port);
            env.put("PORT" + i, value);
            if (ports.get(i).hasNonNull("name")) {
                env.put("PORT_" + ports.get(i).get("name").asText().toUpperCase(Locale.ROOT), value);
            }
        }
        return env;
    }

    /** The option defaults of a config.json schema, as nested maps. */
    private static Map<String, Object> defaults(JsonNode schema) {
        Map<String, Object> out = new LinkedHashMap<>();
        schema.path("properties").fields().forEachRemaining(e -> {
            JsonNode property = e.getValue();
            if (property.has("properties")) {
                out.put(e.getKey(), defaults(property));
            } else if (property.has("default")) {
                out.put(e.getKey(), toMustache(property.get("default")));
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> context, String path, String value) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            context.put(path, toMustache(JsonNodeFactory.instance.textNode(value)));
            return;
        }
        Object child = context.computeIfAbsent(path.substring(0, dot), k -> new LinkedHashMap<String, Object>());
        put((Map<String, Object>) child, path.substring(dot + 1), value);
    }

    /** JSON to the Java values Cosmos handed to mustache (its {@code jsonToJava}). */
    private static Object toMustache(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> map.put(e.getKey(), toMustache(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(toMustache(item)));
            return list;
        }
        if (node.isTextual()) {
            String quoted = node.toString();
            return quoted.substring(1, quoted.length() - 1);
        }
        if (node.isNumber()) {
            return node.canConvertToExactIntegral() && node.canConvertToInt() ? (Object) node.asInt() : node.asDouble();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return null;
    }

    private JsonNode read(String file) {
        return parse(text(file));
    }

    private String text(String file) {
        try {
            return Files.readString(universe.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Finds a compatibility corpus by walking up from the working directory to the folder holding
     * {@code relative} (the corpora live beside the repository, in {@code shared/compat}).
     */
    static Path locate(String relative) {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return fail("the DC/OS compatibility corpus %s was not found in any parent folder of %s",
                relative, System.getProperty("user.dir"));
    }
}
