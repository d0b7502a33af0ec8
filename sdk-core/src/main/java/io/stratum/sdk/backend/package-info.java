/**
 * The backend SPI: {@link ClusterBackend} connects the scheduler to a
 * resource manager, events flow back through a {@link BackendListener}; an
 * {@link ArtifactStore} holds files a backend publishes for its tasks to
 * fetch from the scheduler's API.
 * Implementations live in sub-packages: {@code local}, {@code mesos}, {@code sim}.
 */
package io.stratum.sdk.backend;
