package io.stratum.sdk.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Spec fixtures under {@code src/test/resources/specs/}: finding them, loading them, and reading
 * the expectations and template variables they declare in their leading comments:
 *
 * <pre>
 * # env: NAME=value                         (a template variable; \n is a line break)
 * # expect: 7:9: pods.hello.count: message  (line:column: path: message)
 * # expect: 7: pods.hello.count: message    (line only, where the column is not stable)
 * </pre>
 *
 * The colon after the line and column may be left out ({@code # expect: 7:9 pods.hello.count: ...}).
 *
 * In an expectation, {@code {dir}} stands for the fixture's folder.
 */
final class SpecFixtures {
    private static final Pattern EXPECT = Pattern.compile("^# expect: (\\d+)(?::(\\d+))?:? (.*)$");
    private static final Pattern ENV = Pattern.compile("^# env: ([A-Za-z_][A-Za-z0-9_]*)=(.*)$");

    private SpecFixtures() {}

    /** One expected problem; a null column is not checked. */
    record Expected(int line, Integer column, String text) {
        /** @return {@code problem} written the way this expectation is */
        String render(SpecProblem problem) {
            String where = column == null ? problem.location().line() + ""
                    : problem.location().line() + ":" + problem.location().column();
            return where + ": " + describe(problem);
        }

        @Override
        public String toString() {
            return (column == null ? line + "" : line + ":" + column) + ": " + text;
        }
    }

    /** {@code path: message}, or just the message for problems of the whole document. */
    static String describe(SpecProblem problem) {
        return problem.path().isEmpty() ? problem.message() : problem.path() + ": " + problem.message();
    }

    /** The fixture files of {@code specs/<folder>}, sorted by name. */
    static List<Path> files(String folder) {
        try (Stream<Path> files = Files.list(folder(folder))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path folder(String folder) {
        URL url = SpecFixtures.class.getResource("/specs/" + folder);
        if (url == null) {
            throw new IllegalStateException("no test resource folder specs/" + folder);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path file(String folder, String name) {
        return folder(folder).resolve(name);
    }

    /** Loads a fixture that must be valid, with the variables it declares. */
    static ServiceSpec load(Path fixture) {
        try {
            return loader(fixture).load(fixture);
        } catch (SpecException e) {
            throw new AssertionError("expected " + fixture.getFileName() + " to load, but: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ServiceSpec valid(String name) {
        return load(file("valid", name));
    }

    /** Loads a fixture that must fail, returning the failure. */
    static SpecException failure(Path fixture) {
        SpecException e = catchThrowableOfType(SpecException.class, () -> loader(fixture).load(fixture));
        assertThat(e).as("%s should fail to load", fixture.getFileName()).isNotNull();
        return e;
    }

    static SpecLoader loader(Path fixture) {
        return SpecLoader.builder().withEnv(env(fixture)).build();
    }

    /** The {@code # env:} variables of a fixture. */
    static Map<String, String> env(Path fixture) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : lines(fixture)) {
            Matcher m = ENV.matcher(line);
            if (m.matches()) {
                env.put(m.group(1), m.group(2).replace("\\n", "\n"));
            }
        }
        return env;
    }

    /** The {@code # expect:} lines of a fixture, in order. */
    static List<Expected> expectations(Path fixture) {
        return lines(fixture).stream()
                .map(EXPECT::matcher)
                .filter(Matcher::matches)
                .map(m -> new Expected(Integer.parseInt(m.group(1)),
                        m.group(2) == null ? null : Integer.valueOf(m.group(2)),
                        m.group(3).replace("{dir}", fixture.getParent().toString())))
                .toList();
    }

    private static List<String> lines(Path fixture) {
        try {
            return Files.readAllLines(fixture);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
