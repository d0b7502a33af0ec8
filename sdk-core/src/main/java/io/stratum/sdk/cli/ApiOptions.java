package io.stratum.sdk.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where a client command finds the scheduler's API, its token, and how long to wait for it. */
final class ApiOptions {
    static final String DEFAULT_API = "http://127.0.0.1:8080";
    static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

    @Option(names = "--api", paramLabel = "URL",
            description = "The scheduler's API (default: $STRATUM_API or " + DEFAULT_API + ").")
    String api;

    @Option(names = "--api-token", paramLabel = "TOKEN",
            description = "Bearer token for mutating calls (visible to other users in ps: prefer --api-token-file"
                    + " or $STRATUM_API_TOKEN, the default).")
    String token;

    @Option(names = "--api-token-file", paramLabel = "FILE", description = "A file holding the bearer token.")
    Path tokenFile;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s",
            description = "How long to wait for the API to connect and answer: seconds, or a number with ms, s or m"
                    + " (default 10s).")
    Duration timeout;

    @Option(names = "--json", description = "Print the API's JSON answer as is.")
    boolean json;

    /** @return a client of the API these options name, with {@code env} for the defaults */
    ApiClient client(Map<String, String> env) {
        String url = api != null ? api : env.getOrDefault("STRATUM_API", DEFAULT_API);
        String flag = api != null ? "--api" : "$STRATUM_API";
        if (timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw CliException.badInput("--timeout: must be more than 0 and at most 10m, got '" + timeout.toSeconds() + "s'");
        }
        return new ApiClient(base(flag, url), ApiToken.resolve(token, tokenFile, env), timeout);
    }

    private static URI base(String flag, String url) {
        URI uri;
        try {
            uri = new URI(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        } catch (URISyntaxException e) {
            throw CliException.badInput(flag + ": '" + url + "' is not a URL (" + e.getReason() + ")");
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw CliException.badInput(flag + ": expected http(s)://HOST:PORT, got '" + url + "'");
        }
        if (uri.getPort() > 65_535) {
            throw CliException.badInput(flag + ": port " + uri.getPort() + " is out of range (1-65535) in '" + url + "'");
        }
        if (uri.getPort() == 0) {
            throw CliException.badInput(flag + ": port 0 is not a port to connect to, in '" + url + "'");
        }
        return uri;
    }
}
