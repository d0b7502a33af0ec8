package io.stratum.sdk.cli;

import java.net.URI;
import picocli.CommandLine.Option;

/** Where a client command finds the scheduler's API, and its token. */
final class ApiOptions {
    static final String DEFAULT_API = "http://127.0.0.1:8080";

    @Option(names = "--api", paramLabel = "URL",
            description = "The scheduler's API (default: $STRATUM_API or " + DEFAULT_API + ").")
    String api;

    @Option(names = "--api-token", paramLabel = "TOKEN",
            description = "Bearer token for mutating calls (default: $STRATUM_API_TOKEN).")
    String token;

    @Option(names = "--json", description = "Print the API's JSON answer as is.")
    boolean json;

    ApiClient client() {
        String url = api != null ? api : System.getenv().getOrDefault("STRATUM_API", DEFAULT_API);
        URI uri;
        try {
            uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        } catch (IllegalArgumentException e) {
            throw CliException.badInput("--api: '" + url + "' is not a URL");
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            throw CliException.badInput("--api: '" + url + "' is not an http(s)://host:port URL");
        }
        String bearer = token != null ? token : System.getenv("STRATUM_API_TOKEN");
        return new ApiClient(uri, bearer);
    }
}
