package io.stratum.hadoop;

import com.samskivert.mustache.Mustache;
import io.stratum.sdk.backend.sim.SimCluster;
import io.stratum.sdk.service.Service;
import io.stratum.sdk.spec.ConfigSpec;
import io.stratum.sdk.testing.ServiceTestRunner;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The framework's template environment as {@code ./stratum run sdk-hadoop} builds it (options.env,
 * then what is given), with a fake JDK, daemon classpath and web app folders in a temporary folder;
 * a simulated cluster for it; and its config templates rendered as the backends render them.
 */
final class Fixtures {
    static final Path SPEC = Path.of("svc.yml");
    static final String ZOOKEEPER = "127.0.0.1:2181";

    private Fixtures() {}

    /** @return options.env, a fake installation under {@code dir}, ZOOKEEPER, then {@code given} */
    static Map<String, String> options(Path dir, Map<String, String> given) {
        Map<String, String> env = new LinkedHashMap<>(defaults());
        env.put(Installation.JAVA_HOME, fakeJdk(dir).toString());
        env.put(Installation.LIB, fakeLib(dir).toString());
        env.put(Installation.WEBAPPS, fakeWebapps(dir).toString());
        env.put("ZOOKEEPER", ZOOKEEPER);
        env.putAll(given);
        return env;
    }

    /** @return the framework's service for {@link #options} */
    static Service service(Path dir, Map<String, String> given) throws Exception {
        return Hdfs.service(SPEC, options(dir, given));
    }

    /** @return a runner of {@code service} on {@code agents} agents, each with room for one of every daemon */
    static ServiceTestRunner runner(Service service, int agents) {
        // the daemons' ports (8019-9005) are static: the agents offer them
        return ServiceTestRunner.builder(service).withCluster(() -> SimCluster.builder()
                .agents(agents, agent -> agent.cpus(4).mem(8192).disk(32_768).ports(1_025, 32_767))).build();
    }

    /** @return the defaults of options.env */
    static Map<String, String> defaults() {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("options.env"))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> defaults = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> defaults.put(name, properties.getProperty(name).strip()));
        return defaults;
    }

    /**
     * Renders a config template as the backends do (mustache, strict: a variable without a value
     * fails; HTML-escaped {@code {{VAR}}}; a section over an empty or {@code "false"} value skipped).
     */
    static String render(ConfigSpec config, Map<String, String> environment) {
        Map<String, Object> context = new HashMap<>();
        environment.forEach((k, v) -> context.put(k, "false".equalsIgnoreCase(v) ? Boolean.FALSE : v));
        return Mustache.compiler().strictSections(false).emptyStringIsFalse(true).escapeHTML(true)
                .compile(config.content()).execute(context);
    }

    /** @return a JDK folder whose bin/java runs {@code script} (a shell script: exit 0 by default) */
    static Path fakeJdk(Path dir, String script) {
        Path home = dir.resolve("jdk");
        try {
            Files.createDirectories(home.resolve("bin"));
            Path java = home.resolve("bin/java");
            Files.writeString(java, "#!/bin/sh\n" + script + "\n");
            Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.writeString(home.resolve("release"), "JAVA_VERSION=\"17.0.15\"\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return home;
    }

    static Path fakeJdk(Path dir) {
        return fakeJdk(dir, "exit 0");
    }

    static Path fakeLib(Path dir) {
        Path lib = dir.resolve("lib");
        try {
            Files.createDirectories(lib);
            Files.writeString(lib.resolve("hadoop-hdfs-3.4.3.jar"), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lib;
    }

    static Path fakeWebapps(Path dir) {
        Path webapps = dir.resolve("webapps");
        try {
            for (String app : Installation.WEB_APPS) {
                Files.createDirectories(webapps.resolve("webapps").resolve(app));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return webapps;
    }
}
