package io.stratum.sdk.internal.check;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** GETs a URL; passes on a 2xx or 3xx status. The body is discarded. */
final class HttpProbe implements Probe {
    private final HttpClient client;
    private final URI uri;
    private final Duration timeout;

    HttpProbe(HttpClient client, URI uri, Duration timeout) {
        this.client = client;
        this.uri = uri;
        this.timeout = timeout;
    }

    /** @return {@code scheme://host:port/path}, with an IPv6 host in brackets */
    static URI uri(String scheme, String host, int port, String path) {
        String authority = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return URI.create(scheme + "://" + authority + ":" + port + (path.startsWith("/") ? path : "/" + path));
    }

    @Override
    public CompletableFuture<ProbeOutcome> start() {
        HttpRequest request = HttpRequest.newBuilder(uri).GET().timeout(timeout).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
            if (error != null) {
                return ProbeOutcome.failed("GET " + uri + ": " + ProbeOutcome.describe(error));
            }
            int status = response.statusCode();
            return new ProbeOutcome(status >= 200 && status < 400, "HTTP " + status + " from GET " + uri);
        });
    }
}
