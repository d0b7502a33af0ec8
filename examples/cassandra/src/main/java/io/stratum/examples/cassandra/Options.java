package io.stratum.examples.cassandra;

import io.stratum.sdk.spec.SpecException;
import io.stratum.sdk.spec.SpecLocation;
import io.stratum.sdk.spec.SpecProblem;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The template environment of the framework's spec: the defaults of {@code options.env}, under the
 * environment given ({@code --env}, the process's), plus what the framework finds on this machine
 * when not given: the nodes' JDK ({@link JdkFinder}), their classpath and the probe's. A problem
 * with these is a {@link SpecException} located where the spec uses the variable, so {@code run}
 * reports it in one line before anything starts.
 */
final class Options {
    /** The nodes' classpath, a folder of jars. */
    static final String CASSANDRA_LIB = "CASSANDRA_LIB";
    /** The classpath of the node probe. */
    static final String CASSANDRA_TOOLS = "CASSANDRA_TOOLS";

    private Options() {}

    /**
     * @param spec         the spec file (problems name it and the line using the variable)
     * @param given        the environment given
     * @param installation where the framework's files are
     * @param jdks         how the nodes' JDK is found
     * @return the template environment
     * @throws SpecException if the defaults cannot be read or a node's JDK or classpath is missing
     */
    static Map<String, String> resolve(Path spec, Map<String, String> given, Installation installation, JdkFinder jdks)
            throws SpecException {
        Map<String, String> env = new LinkedHashMap<>(defaults(spec, installation.defaults()));
        env.putAll(given);
        try {
            env.put(JdkFinder.CASSANDRA_JAVA_HOME, jdks.find(env).toString());
        } catch (JdkFinder.NoJdkException e) {
            throw problem(spec, JdkFinder.CASSANDRA_JAVA_HOME, e.getMessage());
        }
        String lib = env.getOrDefault(CASSANDRA_LIB, "");
        Path nodeLib = lib.isBlank() ? installation.nodeLib() : Path.of(lib);
        if (!hasCassandra(nodeLib)) {
            throw problem(spec, CASSANDRA_LIB, CASSANDRA_LIB + ": no Cassandra node classpath (cassandra-all-*.jar) in " + nodeLib
                    + ": build it with 'mvn -pl examples/cassandra -am package' (./stratum run examples/cassandra does)");
        }
        env.put(CASSANDRA_LIB, nodeLib.toAbsolutePath().toString());
        if (env.getOrDefault(CASSANDRA_TOOLS, "").isBlank()) {
            env.put(CASSANDRA_TOOLS, installation.tools().toString());
        }
        return env;
    }

    /** @return the defaults in {@code file} ({@code K=V} lines, {@code #} comments) */
    static Map<String, String> defaults(Path spec, Path file) throws SpecException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new SpecException(List.of(new SpecProblem(spec.toString(), new SpecLocation(1, 1), "",
                    "cannot read the options' defaults " + file + ": " + e.getMessage())));
        }
        Map<String, String> defaults = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> defaults.put(name, properties.getProperty(name).strip()));
        return defaults;
    }

    private static boolean hasCassandra(Path lib) {
        if (!Files.isDirectory(lib)) {
            return false;
        }
        try (var jars = Files.list(lib)) {
            return jars.anyMatch(jar -> jar.getFileName().toString().matches("cassandra-all-.*\\.jar"));
        } catch (IOException e) {
            return false;
        }
    }

    /** @return a problem with {@code variable}, located at its first use in {@code spec} */
    private static SpecException problem(Path spec, String variable, String message) {
        SpecLocation at = new SpecLocation(1, 1);
        try {
            List<String> lines = Files.readAllLines(spec);
            Pattern use = Pattern.compile("\\{\\{\\{?\\s*" + Pattern.quote(variable) + "\\s*}");
            for (int i = 0; i < lines.size(); i++) {
                var m = use.matcher(lines.get(i));
                if (m.find()) {
                    at = new SpecLocation(i + 1, m.start() + 1);
                    break;
                }
            }
        } catch (IOException e) {
            // the spec is read again by the loader, which reports that; locate the problem at its start
        }
        return new SpecException(List.of(new SpecProblem(spec.toString(), at, "", message)));
    }
}
