package io.stratum.examples.cassandra;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the JDK the Cassandra nodes run on: Cassandra 5.0 runs on Java 11 and 17 and fails on 25,
 * while the scheduler may run on any JDK 17 or newer. In order:
 * <ol>
 *   <li>{@code CASSANDRA_JAVA_HOME}, when set: it must be a JDK 11 or 17;</li>
 *   <li>the scheduler's own JDK, when it is a 17;</li>
 *   <li>{@code JAVA17_HOME}, when set: it must be a JDK 17;</li>
 *   <li>the first JDK 17 in the usual places ({@code /usr/lib/jvm}, {@code /usr/java},
 *       {@code /opt/java}, {@code /opt}: folders whose name holds "17"), by name.</li>
 * </ol>
 * A JDK is a folder with an executable {@code bin/java} and a {@code release} file naming its
 * version. Failures are {@link NoJdkException}s with one line naming the setting. Immutable.
 */
final class JdkFinder {
    /** The variable naming the nodes' JDK. */
    static final String CASSANDRA_JAVA_HOME = "CASSANDRA_JAVA_HOME";
    /** A conventional variable naming a JDK 17. */
    static final String JAVA17_HOME = "JAVA17_HOME";
    /** The Java versions Cassandra 5.0 runs on. */
    static final Set<Integer> SUPPORTED = Set.of(11, 17);
    /** The version looked for when none is named. */
    static final int PREFERRED = 17;

    private static final Pattern JAVA_VERSION = Pattern.compile("\"?(1\\.)?(\\d{1,4})");

    private final Path ownHome;
    private final int ownVersion;
    private final List<Path> searchRoots;

    /**
     * @param ownHome     the scheduler's JDK ({@code java.home})
     * @param ownVersion  its feature version ({@code Runtime.version().feature()})
     * @param searchRoots the folders holding JDKs, searched in order
     */
    JdkFinder(Path ownHome, int ownVersion, List<Path> searchRoots) {
        this.ownHome = ownHome;
        this.ownVersion = ownVersion;
        this.searchRoots = List.copyOf(searchRoots);
    }

    /** @return a finder for this JVM and this machine's usual places */
    static JdkFinder ofThisMachine() {
        return new JdkFinder(Path.of(System.getProperty("java.home")), Runtime.version().feature(),
                List.of(Path.of("/usr/lib/jvm"), Path.of("/usr/java"), Path.of("/opt/java"), Path.of("/opt")));
    }

    /** Why no JDK could be used for the nodes, in one line naming the setting to change. */
    static final class NoJdkException extends Exception {
        private static final long serialVersionUID = 1L;

        NoJdkException(String message) {
            super(message);
        }
    }

    /**
     * @param env the template environment (the process's and {@code --env})
     * @return the JDK the nodes run on
     * @throws NoJdkException if a named JDK is not a usable one, or none is found
     */
    Path find(Map<String, String> env) throws NoJdkException {
        String named = env.get(CASSANDRA_JAVA_HOME);
        if (named != null && !named.isBlank()) {
            return require(CASSANDRA_JAVA_HOME, Path.of(named), SUPPORTED);
        }
        if (ownVersion == PREFERRED) {
            return ownHome;
        }
        String java17 = env.get(JAVA17_HOME);
        if (java17 != null && !java17.isBlank()) {
            return require(JAVA17_HOME, Path.of(java17), Set.of(PREFERRED));
        }
        List<Path> looked = new ArrayList<>();
        for (Path root : searchRoots) {
            looked.add(root);
            Optional<Path> found = search(root);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new NoJdkException("no JDK " + PREFERRED + " for the Cassandra nodes (Cassandra 5.0 runs on Java 11 or 17;"
                + " this scheduler runs on " + ownVersion + "; looked in " + JAVA17_HOME + " and " + join(looked)
                + "): install one or name it with --env " + CASSANDRA_JAVA_HOME + "=DIR");
    }

    private Optional<Path> search(Path root) {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(dir -> dir.getFileName().toString().contains(String.valueOf(PREFERRED)))
                    .sorted()
                    .filter(dir -> version(dir).filter(v -> v == PREFERRED).isPresent() && hasJava(dir))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Path require(String setting, Path home, Set<Integer> versions) throws NoJdkException {
        String wanted = versions.size() == 1 ? "Java " + versions.iterator().next() : "Java 11 or 17";
        if (!hasJava(home)) {
            throw new NoJdkException(setting + "=" + home + " is not a JDK (no executable bin/java): name a " + wanted
                    + " for the Cassandra nodes");
        }
        Optional<Integer> version = version(home);
        if (version.isEmpty()) {
            throw new NoJdkException(setting + "=" + home + ": cannot tell its Java version (no release file naming"
                    + " JAVA_VERSION): name a " + wanted + " for the Cassandra nodes");
        }
        if (!versions.contains(version.get())) {
            throw new NoJdkException(setting + "=" + home + " is Java " + version.get() + ": Cassandra 5.0 runs on "
                    + wanted);
        }
        return home;
    }

    private static boolean hasJava(Path home) {
        return Files.isExecutable(home.resolve("bin").resolve("java"));
    }

    /** @return the feature version its {@code release} file names ({@code JAVA_VERSION="17.0.15"}) */
    static Optional<Integer> version(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(release)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        String value = properties.getProperty("JAVA_VERSION");
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = JAVA_VERSION.matcher(value.strip());
        return m.lookingAt() ? Optional.of(Integer.parseInt(m.group(2))) : Optional.empty();
    }

    private static String join(List<Path> paths) {
        return String.join(", ", paths.stream().map(Path::toString).toList());
    }
}
