/**
 * A framework's own API routes: an {@link io.stratum.sdk.http.ApiHandler} answers an
 * {@link io.stratum.sdk.http.ApiRequest} with an {@link io.stratum.sdk.http.ApiResponse} (JSON),
 * or throws an {@link io.stratum.sdk.http.ApiException} for a clear error answer. The scheduler's
 * API server serves them beside its own {@code /v1} routes.
 */
package io.stratum.sdk.http;
