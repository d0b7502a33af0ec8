/**
 * The {@code mesos} backend: {@link MesosBackend}, a client of the
 * Apache Mesos v1 scheduler HTTP API in pure Java.
 *
 * <p>Mesos's wire types never leave this package: events are read and calls written as JSON with
 * Jackson, and converted to and from Stratum's own types here ({@code OfferJson},
 * {@code ResourceJson}, {@code StatusJson}, {@code OperationJson}, {@code LaunchGroupJson},
 * {@code TaskInfoJson}, {@code CheckJson}; {@code ConfigArtifacts} publishes rendered config files for
 * the agents' fetcher). The connection is a {@code Session} (SUBSCRIBE, the
 * RecordIO event stream, heartbeats, re-subscription, redirects to the leading master) and a
 * {@code CallSender} (every other call, in order, on connections of their own).
 */
package io.stratum.sdk.backend.mesos;
