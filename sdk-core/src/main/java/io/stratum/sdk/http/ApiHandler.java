package io.stratum.sdk.http;

/**
 * Handles requests to one route. Throw {@link ApiException} for a refused request; anything else
 * thrown becomes a 500 with a generic message (and is logged). Called on the server's worker
 * threads: implementations must be thread-safe.
 */
@FunctionalInterface
public interface ApiHandler {
    ApiResponse handle(ApiRequest request);
}
