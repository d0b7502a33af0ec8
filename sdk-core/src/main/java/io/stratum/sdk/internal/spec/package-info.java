/**
 * What the SDK does with specs beyond loading them: lossless JSON for the config store
 * ({@code SpecJson}), the diff of two specs that decides which pods roll ({@code SpecDiff}), and
 * the JSON Schema of {@code svc.yml} ({@code ServiceSpecSchema}).
 */
package io.stratum.sdk.internal.spec;
