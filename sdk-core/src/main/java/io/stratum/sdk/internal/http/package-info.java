/**
 * The scheduler's HTTP API: the server (JDK {@code HttpServer}, loopback unless told otherwise),
 * its router and the v1 resources (plans, pods, endpoints, configurations, state, artifacts), and
 * {@code openapi.json}. Not for framework authors, who add routes through
 * {@code Service.Builder.endpoint}.
 */
package io.stratum.sdk.internal.http;
