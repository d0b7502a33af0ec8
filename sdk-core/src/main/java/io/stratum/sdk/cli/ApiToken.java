package io.stratum.sdk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the API's bearer token comes from, on the server ({@code run}) and in client commands
 * alike: {@code --api-token TOKEN} (which every local user sees in {@code ps}), else
 * {@code --api-token-file PATH} (the file's content, surrounding white space stripped), else
 * {@code $STRATUM_API_TOKEN}; none of them means no token. A token is visible ASCII without spaces
 * (it goes into an HTTP header); an empty, unreadable or oversized file is refused naming its flag.
 */
final class ApiToken {
    /** The environment variable holding the token. */
    static final String ENV = "STRATUM_API_TOKEN";
    private static final long MAX_FILE_BYTES = 4_096;

    private ApiToken() {}

    /** @return the token, or null for none */
    static String resolve(String token, Path file, Map<String, String> env) {
        if (token != null && file != null) {
            throw CliException.badInput("--api-token and --api-token-file: give one of them, not both");
        }
        if (token != null) {
            return checked("--api-token", token);
        }
        if (file != null) {
            return checked("--api-token-file: '" + file + "'", read(file));
        }
        String fromEnv = env.get(ENV);
        return fromEnv == null || fromEnv.isBlank() ? null : checked("$" + ENV, fromEnv.strip());
    }

    private static String read(Path file) {
        InputFiles.requireRegularFile("--api-token-file", file);
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw CliException.badInput("--api-token-file: '" + file + "' is larger than " + MAX_FILE_BYTES
                        + " bytes: not a token file");
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw CliException.badInput("--api-token-file: cannot read '" + file + "': " + InputFiles.describe(e));
        }
    }

    private static String checked(String source, String token) {
        if (token.isEmpty()) {
            throw CliException.badInput(source + " is empty: expected a token");
        }
        if (!token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw CliException.badInput(source + ": a token is printable ASCII without spaces or line breaks");
        }
        return token;
    }
}
