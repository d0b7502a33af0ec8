package io.stratum.examples.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdkFinderTest {
    @TempDir
    Path dir;

    private JdkFinder onJava(int version, Path... roots) {
        return new JdkFinder(dir.resolve("scheduler-jdk"), version, List.of(roots));
    }

    @Test
    void theNamedJdkWinsWhenItIsA17() throws Exception {
        Path named = FakeJdks.jdk(dir, "named", "17.0.2");

        assertThat(onJava(17).find(Map.of("CASSANDRA_JAVA_HOME", named.toString()))).isEqualTo(named);
    }

    @Test
    void aNamedJdk11IsAcceptedToo() throws Exception {
        Path named = FakeJdks.jdk(dir, "named", "11.0.22");

        assertThat(onJava(25).find(Map.of("CASSANDRA_JAVA_HOME", named.toString()))).isEqualTo(named);
    }

    @Test
    void aNamedJdk25IsRefusedNamingTheSettingAndTheVersion() {
        Path named = FakeJdks.jdk(dir, "temurin-25", "25.0.1");

        assertThatThrownBy(() -> onJava(17).find(Map.of("CASSANDRA_JAVA_HOME", named.toString())))
                .isInstanceOf(JdkFinder.NoJdkException.class)
                .hasMessage("CASSANDRA_JAVA_HOME=" + named + " is Java 25: Cassandra 5.0 runs on Java 11 or 17");
    }

    @Test
    void aNamedFolderThatIsNoJdkIsRefused() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        assertThatThrownBy(() -> onJava(17).find(Map.of("CASSANDRA_JAVA_HOME", empty.toString())))
                .hasMessageStartingWith("CASSANDRA_JAVA_HOME=" + empty + " is not a JDK (no executable bin/java)");
    }

    @Test
    void aJdkWithoutAReleaseFileIsRefusedForItsUnknownVersion() throws Exception {
        Path home = FakeJdks.jdk(dir, "old", "17");
        Files.delete(home.resolve("release"));

        assertThatThrownBy(() -> onJava(17).find(Map.of("CASSANDRA_JAVA_HOME", home.toString())))
                .hasMessageContaining("cannot tell its Java version");
    }

    @Test
    void withoutASettingTheSchedulersOwnJdk17IsUsed() throws Exception {
        assertThat(onJava(17).find(Map.of())).isEqualTo(dir.resolve("scheduler-jdk"));
    }

    @Test
    void onJava25Java17HomeIsUsed() throws Exception {
        Path java17 = FakeJdks.jdk(dir, "somewhere", "17.0.9");

        assertThat(onJava(25).find(Map.of("JAVA17_HOME", java17.toString()))).isEqualTo(java17);
    }

    @Test
    void onJava25TheUsualPlacesAreSearchedForAJdk17ByName() throws Exception {
        Path jvm = Files.createDirectories(dir.resolve("jvm"));
        FakeJdks.jdk(jvm, "temurin-25-jdk-amd64", "25.0.1");
        FakeJdks.jdk(jvm, "java-11-openjdk-amd64", "11.0.22");
        Path java17 = FakeJdks.jdk(jvm, "java-17-openjdk-amd64", "17.0.15");
        FakeJdks.jdk(jvm, "zulu-17-broken", "21.0.1"); // named 17, but is not

        assertThat(onJava(25, dir.resolve("missing"), jvm).find(Map.of())).isEqualTo(java17);
    }

    @Test
    void noJdk17AnywhereIsOneLineNamingTheSettingAndWhereItLooked() throws Exception {
        Path jvm = Files.createDirectories(dir.resolve("jvm"));
        FakeJdks.jdk(jvm, "temurin-25-jdk-amd64", "25.0.1");

        assertThatThrownBy(() -> onJava(25, jvm).find(Map.of()))
                .isInstanceOf(JdkFinder.NoJdkException.class)
                .hasMessage("no JDK 17 for the Cassandra nodes (Cassandra 5.0 runs on Java 11 or 17; this scheduler runs"
                        + " on 25; looked in JAVA17_HOME and " + jvm + "): install one or name it with --env"
                        + " CASSANDRA_JAVA_HOME=DIR");
    }

    @Test
    void versionsAreReadFromTheReleaseFile() {
        assertThat(JdkFinder.version(FakeJdks.jdk(dir, "a", "17.0.15"))).contains(17);
        assertThat(JdkFinder.version(FakeJdks.jdk(dir, "b", "1.8.0_402"))).contains(8);
        assertThat(JdkFinder.version(FakeJdks.jdk(dir, "c", "25"))).contains(25);
    }
}
