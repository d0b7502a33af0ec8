/**
 * Where a framework starts: {@link io.stratum.sdk.service.Service} (a spec plus the framework's
 * extensions, built with {@code Service.builder(spec)}), {@link io.stratum.sdk.service.RunOptions}
 * (where it runs) and {@link io.stratum.sdk.service.ServiceRuntime} (the running service). This
 * package assembles everything, once: the cluster (work dir, ZooKeeper, backend, API server) and
 * each service's scheduler on it. The CLI and the test harness call it; it calls neither.
 */
package io.stratum.sdk.service;
