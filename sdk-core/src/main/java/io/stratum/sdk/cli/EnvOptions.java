package io.stratum.sdk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The template environment of a spec: a framework's defaults (its folder's {@code options.env}),
 * then the process environment, then {@code --env-file} files in order, then {@code --env K=V}
 * flags; later values win.
 */
final class EnvOptions {
    @Option(names = "--env", paramLabel = "K=V", description = "A template variable (repeatable).")
    List<String> pairs = new ArrayList<>();

    @Option(names = "--env-file", paramLabel = "FILE",
            description = "A file of K=V lines ('#' comments, blank lines ignored; repeatable).")
    List<Path> files = new ArrayList<>();

    /** @return the environment: {@code defaults}, then {@code processEnv}, the files and the flags over them */
    Map<String, String> resolve(Map<String, String> defaults, Map<String, String> processEnv) {
        Map<String, String> env = new LinkedHashMap<>(defaults);
        env.putAll(processEnv);
        for (Path file : files) {
            env.putAll(readFile("--env-file", file));
        }
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw CliException.badInput("--env: expected K=V, got '" + pair + "'");
            }
            env.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return env;
    }

    /**
     * @param what the flag or file naming {@code file} in errors ({@code --env-file}, {@code options.env})
     * @return the {@code K=V} lines of {@code file} ({@code #} comments, blank lines and a leading
     *     {@code export} ignored, a value's surrounding quotes removed)
     * @throws CliException (bad input) naming {@code what}, or the file and line, if it can't be read or a line is no {@code K=V}
     */
    static Map<String, String> readFile(String what, Path file) {
        InputFiles.requireRegularFile(what, file);
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw CliException.badInput(what + ": cannot read '" + file + "': " + InputFiles.describe(e));
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw CliException.badInput(file + ":" + (i + 1) + ": expected K=V, got '" + line + "'");
            }
            env.put(line.substring(0, eq).strip(), unquote(line.substring(eq + 1).strip()));
        }
        return env;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
