package io.stratum.sdk.http;

import java.util.Objects;
import java.util.Set;

/**
 * Handles requests to one route. Throw {@link ApiException} for a refused request; anything else
 * thrown becomes a 500 with a generic message (and is logged). Called on the server's worker
 * threads: implementations must be thread-safe.
 *
 * <p>A route takes only the query parameters its handler declares ({@link #queryParameters()},
 * none by default): the server refuses any other with a 400 naming it before the handler runs,
 * so that a misspelt parameter is never silently ignored. Declare them by overriding
 * {@link #queryParameters()} or with {@link #withQueryParameters(Set, ApiHandler)} (which
 * {@code Service.Builder.endpoint(path, queryParameters, handler)} does).
 */
@FunctionalInterface
public interface ApiHandler {
    ApiResponse handle(ApiRequest request);

    /** @return the names of the query parameters this handler reads; by default none */
    default Set<String> queryParameters() {
        return Set.of();
    }

    /**
     * @param queryParameters the names of the query parameters {@code handler} reads
     * @return {@code handler}, taking those query parameters
     */
    static ApiHandler withQueryParameters(Set<String> queryParameters, ApiHandler handler) {
        Objects.requireNonNull(handler, "handler");
        Set<String> names = Set.copyOf(queryParameters);
        return new ApiHandler() {
            @Override
            public ApiResponse handle(ApiRequest request) {
                return handler.handle(request);
            }

            @Override
            public Set<String> queryParameters() {
                return names;
            }
        };
    }
}
