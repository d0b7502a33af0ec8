/**
 * The scheduler's HTTP API: the server (Jetty's core handler API, loopback unless told otherwise;
 * limits, timeouts, every error as JSON), its router, strict decoding of paths, queries and JSON
 * bodies, the v1 resources (plans, pods, endpoints, configurations, state, artifacts), and
 * {@code openapi.json}. Not for framework authors, who add routes through
 * {@code Service.Builder.endpoint}.
 */
package io.stratum.sdk.internal.http;
