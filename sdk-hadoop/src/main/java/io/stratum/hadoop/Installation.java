package io.stratum.hadoop;

import io.stratum.sdk.spec.SpecException;
import io.stratum.sdk.spec.SpecLocation;
import io.stratum.sdk.spec.SpecProblem;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where the daemons' files are on this machine: the JDK they run on ({@value #JAVA_HOME}, by default
 * the scheduler's own: Hadoop 3.4.3's daemons were seen to run on Java 17 and 25), the classpath the
 * build assembles ({@value #LIB}, {@code node/target/lib}) and the empty web app folders their HTTP
 * servers look for ({@value #WEBAPPS}, {@code node/target/webapps}). A missing or wrong one is a
 * {@link SpecException} located where the spec uses the variable, so {@code run} says it in one line
 * before anything starts. Immutable.
 *
 * @param folder  the framework's folder ({@code sdk-hadoop})
 * @param ownJdk  the scheduler's JDK ({@code java.home})
 */
record Installation(Path folder, Path ownJdk) {
    /** The daemons' JDK. */
    static final String JAVA_HOME = "HADOOP_JAVA_HOME";
    /** The daemons' classpath: a folder of jars. */
    static final String LIB = "HADOOP_LIB";
    /** The folder holding {@code webapps/hdfs}, {@code webapps/datanode}, ... */
    static final String WEBAPPS = "HADOOP_WEBAPPS";
    /** The web apps the daemons' HTTP servers look for on the classpath. */
    static final List<String> WEB_APPS = List.of("hdfs", "datanode", "journal", "secondary", "static");

    Installation {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(ownJdk, "ownJdk");
    }

    /** @return the installation this class was loaded from ({@code <folder>/target/classes} or a jar in {@code target}) */
    static Installation ofThisFramework() {
        Path classes;
        try {
            classes = Path.of(Installation.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toAbsolutePath().normalize();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot tell where the HDFS framework's classes are", e);
        }
        Path target = classes.getParent();
        Path folder = target == null || target.getParent() == null ? classes : target.getParent();
        return new Installation(folder, Path.of(System.getProperty("java.home")));
    }

    /** @return the values found for {@value #JAVA_HOME}, {@value #LIB} and {@value #WEBAPPS} */
    Map<String, String> computed() {
        Map<String, String> found = new LinkedHashMap<>();
        found.put(JAVA_HOME, ownJdk.toString());
        found.put(LIB, folder.resolve("node/target/lib").toString());
        found.put(WEBAPPS, folder.resolve("node/target/webapps").toString());
        return found;
    }

    /**
     * @param spec the spec file (problems name it and the line using the variable)
     * @param env  the template environment
     * @throws SpecException naming each variable whose folder is not what the daemons need
     */
    static void check(Path spec, Map<String, String> env) throws SpecException {
        List<SpecProblem> problems = new ArrayList<>();
        String java = env.getOrDefault(JAVA_HOME, "");
        if (java.isBlank() || !Files.isExecutable(Path.of(java, "bin", "java"))) {
            problems.add(problem(spec, JAVA_HOME, java.isBlank()
                    ? JAVA_HOME + " is empty: name the JDK the HDFS daemons run on (--env " + JAVA_HOME + "=DIR)"
                    : JAVA_HOME + "=" + java + " is not a JDK (no executable bin/java): name the JDK the HDFS daemons run on"));
        }
        String lib = env.getOrDefault(LIB, "");
        if (lib.isBlank() || !hasJar(Path.of(lib), "hadoop-hdfs-\\d.*\\.jar")) {
            problems.add(problem(spec, LIB, LIB + ": no HDFS daemon classpath (hadoop-hdfs-*.jar) in '" + lib + "'"
                    + ": build it with 'mvn -pl sdk-hadoop -am package' (./stratum run sdk-hadoop does)"));
        }
        String webapps = env.getOrDefault(WEBAPPS, "");
        {
            List<String> missing = webapps.isBlank() ? WEB_APPS : WEB_APPS.stream()
                    .filter(app -> !Files.isDirectory(Path.of(webapps, "webapps", app))).toList();
            if (!missing.isEmpty()) {
                problems.add(problem(spec, WEBAPPS, WEBAPPS + ": '" + webapps + "' has no webapps/" + String.join(", webapps/",
                        missing) + " (the daemons' HTTP servers need them): build it with 'mvn -pl sdk-hadoop -am"
                        + " package' (./stratum run sdk-hadoop does)"));
            }
        }
        if (!problems.isEmpty()) {
            throw new SpecException(problems);
        }
    }

    private static boolean hasJar(Path lib, String pattern) {
        if (!Files.isDirectory(lib)) {
            return false;
        }
        try (Stream<Path> jars = Files.list(lib)) {
            return jars.anyMatch(jar -> jar.getFileName().toString().matches(pattern));
        } catch (IOException e) {
            return false;
        }
    }

    /** @return a problem with {@code variable}, located at its first use in {@code spec} */
    static SpecProblem problem(Path spec, String variable, String message) {
        SpecLocation at = new SpecLocation(1, 1);
        try {
            List<String> lines = Files.readAllLines(spec);
            Pattern use = Pattern.compile("\\{\\{\\{?\\s*" + Pattern.quote(variable) + "\\s*}");
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = use.matcher(lines.get(i));
                if (m.find()) {
                    at = new SpecLocation(i + 1, m.start() + 1);
                    break;
                }
            }
        } catch (IOException e) {
            // the loader reads the spec again and reports that; locate the problem at its start
        }
        return new SpecProblem(spec.toString(), at, "", message);
    }
}
