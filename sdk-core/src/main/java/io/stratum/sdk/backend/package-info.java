/**
 * The backend SPI: {@link io.stratum.sdk.backend.ClusterBackend} connects the scheduler to a
 * resource manager, events flow back through a {@link io.stratum.sdk.backend.BackendListener}; an
 * {@link io.stratum.sdk.backend.ArtifactStore} holds files a backend publishes for its tasks to
 * fetch from the scheduler's API.
 * Implementations live in sub-packages: {@code local}, {@code mesos}, {@code sim}.
 */
package io.stratum.sdk.backend;
