package io.stratum.sdk.internal.http;

import io.stratum.sdk.http.ApiException;
import io.stratum.sdk.http.ApiHandler;
import io.stratum.sdk.http.ApiRequest;
import io.stratum.sdk.http.ApiResponse;
import io.stratum.sdk.internal.scheduler.ServiceScheduler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A framework's own routes ({@code Service.Builder.endpoint}: {@code GET}, with the query parameters
 * each handler declares) over the scheduler of the current term: each request a handler gets
 * carries the service's placed pod instances ({@link ApiRequest#discovery()}), read from the
 * scheduler's task records when the request arrives, on the API's thread, without waiting for the
 * scheduler's loop. The API server serves them ({@link #register}); the test harness calls them in
 * this process ({@link #get}) through the same routing and the same strict decoding of path and
 * query. Immutable; thread-safe.
 */
public final class FrameworkRoutes {
    private final List<Router.Route> routes = new ArrayList<>();
    private final Router router;

    /**
     * @param endpoints the framework's handlers by path template
     * @param scheduler the scheduler of the current term, asked on every request
     */
    public FrameworkRoutes(Map<String, ApiHandler> endpoints, Supplier<ServiceScheduler> scheduler) {
        endpoints.forEach((template, handler) -> routes.add(Router.route("GET", template,
                ApiHandler.withQueryParameters(handler.queryParameters(),
                        request -> handler.handle(request.withDiscovery(scheduler.get().placedInstances()))))));
        router = new Router(routes);
    }

    /** @return {@code builder} with every route added */
    public ApiServer.Builder register(ApiServer.Builder builder) {
        routes.forEach(route -> builder.route(route.method(), route.template(), route.handler()));
        return builder;
    }

    /**
     * Answers {@code GET target} as the API server would, without HTTP.
     *
     * @param target a path with an optional query, percent-encoded as in a URL ({@code /v1/seeds?dc=east})
     * @return the handler's answer; a refusal (no such route, a query parameter the route does not take,
     *     a bad escape, or the handler's {@link ApiException}) as the error the server answers
     * @throws RuntimeException whatever else the handler throws (the server answers 500 and logs it)
     */
    public ApiResponse get(String target) {
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        String query = question < 0 ? null : target.substring(question + 1);
        try {
            if (!path.startsWith("/")) {
                throw ApiException.badRequest("path", "the request's target must be a path starting with '/'");
            }
            RequestTarget.checkPath(path);
            Optional<Router.Match> match = router.find("GET", path);
            if (match.isEmpty()) {
                throw new ApiException(404, "path", "no such endpoint: GET " + path);
            }
            Router.Route route = match.get().route();
            Map<String, String> params = new HashMap<>();
            match.get().pathParams().forEach((name, value) -> params.put(name, RequestTarget.segment(value)));
            Map<String, String> decoded = RequestTarget.query(query, route.queryParameters(), route.toString());
            return route.handler().handle(new ApiRequest("GET", path, params, decoded, null));
        } catch (ApiException e) {
            return new ApiResponse(e.status(), ErrorBodies.body(e.getMessage(), e.parameter()));
        }
    }
}
