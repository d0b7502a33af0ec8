package io.stratum.examples.cassandra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/** Fixtures: fake JDK folders and node classpaths, and the environment that names them. */
final class FakeJdks {
    private FakeJdks() {}

    /** @return a JDK folder {@code dir/name}: an executable {@code bin/java} and a {@code release} naming {@code version} */
    static Path jdk(Path dir, String name, String version) {
        try {
            Path home = dir.resolve(name);
            Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
            Files.writeString(java, "#!/bin/sh\nexit 0\n");
            Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a node classpath folder {@code dir/lib} holding an (empty) {@code cassandra-all} jar */
    static Path nodeLib(Path dir) {
        try {
            Path lib = Files.createDirectories(dir.resolve("lib"));
            Files.writeString(lib.resolve("cassandra-all-5.0.9.jar"), "");
            return lib;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the environment of a one-node ring run with a fake JDK 17 and node classpath under {@code dir} */
    static Map<String, String> oneNode(Path dir) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("NODES", "1");
        env.put(JdkFinder.CASSANDRA_JAVA_HOME, jdk(dir, "jdk-17", "17.0.15").toString());
        env.put(Options.CASSANDRA_LIB, nodeLib(dir).toString());
        return env;
    }
}
