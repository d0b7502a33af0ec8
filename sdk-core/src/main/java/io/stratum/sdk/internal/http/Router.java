package io.stratum.sdk.internal.http;

import io.stratum.sdk.http.ApiHandler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Matches a method and path to a route. Templates are paths whose {@code {name}} segments match
 * any one segment; literal segments win over parameters, so {@code /v1/pod/status} is found before
 * {@code /v1/pod/{name}}. Immutable once built; thread-safe.
 */
final class Router {
    /** A route; it takes the query parameters its handler declares. */
    record Route(String method, String template, String[] segments, ApiHandler handler) {
        Set<String> queryParameters() {
            return handler.queryParameters();
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    record Match(Route route, Map<String, String> pathParams) {}

    private final List<Route> routes;

    Router(List<Route> routes) {
        List<Route> sorted = new ArrayList<>(routes);
        sorted.sort(Comparator.comparing(Router::specificity));
        this.routes = List.copyOf(sorted);
    }

    static Route route(String method, String template, ApiHandler handler) {
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("a route template starts with '/': " + template);
        }
        return new Route(method, template, split(template), handler);
    }

    /** Literal segments sort first, position by position. */
    private static String specificity(Route route) {
        StringBuilder key = new StringBuilder();
        for (String segment : route.segments()) {
            key.append(segment.startsWith("{") ? '1' : '0');
        }
        return key.toString();
    }

    private static String[] split(String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.equals("/") ? new String[0] : trimmed.substring(1).split("/", -1);
    }

    /** @return the route for {@code method} and {@code path}, if any */
    Optional<Match> find(String method, String path) {
        String[] segments = split(path);
        for (Route route : routes) {
            if (route.method().equals(method)) {
                Map<String, String> params = match(route.segments(), segments);
                if (params != null) {
                    return Optional.of(new Match(route, params));
                }
            }
        }
        return Optional.empty();
    }

    /** @return the methods some route accepts for {@code path} (for 405 answers) */
    Set<String> methodsFor(String path) {
        String[] segments = split(path);
        Set<String> methods = new LinkedHashSet<>();
        for (Route route : routes) {
            if (match(route.segments(), segments) != null) {
                methods.add(route.method());
            }
        }
        return methods;
    }

    List<Route> routes() {
        return routes;
    }

    private static Map<String, String> match(String[] template, String[] path) {
        if (template.length != path.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if (t.startsWith("{") && t.endsWith("}")) {
                if (path[i].isEmpty()) {
                    return null;
                }
                params.put(t.substring(1, t.length() - 1), path[i]);
            } else if (!t.equals(path[i])) {
                return null;
            }
        }
        return params;
    }
}
