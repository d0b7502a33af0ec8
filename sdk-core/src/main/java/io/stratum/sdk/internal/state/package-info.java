/**
 * Durable state of a service: what a scheduler must remember across restarts and failovers.
 *
 * <p>{@link io.stratum.sdk.internal.state.Persister} is the small tree-shaped key/value SPI underneath
 * (get, children, set, atomic {@link io.stratum.sdk.internal.state.Batch}es, recursive delete). It has two
 * implementations: {@link io.stratum.sdk.internal.state.Persister#inMemory()} for tests, and ZooKeeper
 * through Apache Curator, reached with a {@link io.stratum.sdk.internal.state.ZooKeeperClient} (one
 * namespace per service, a schema version, values of any size, atomic multi-writes).
 * {@link io.stratum.sdk.internal.state.EmbeddedZooKeeper} runs a server inside the JVM for {@code local} mode
 * and tests.
 *
 * <p>The stores sit on a persister and know what their values mean:
 * {@link io.stratum.sdk.internal.state.StateStore} (task records, last statuses, goal overrides),
 * {@link io.stratum.sdk.internal.state.ConfigStore} (versioned service specs and the target),
 * {@link io.stratum.sdk.internal.state.FrameworkStore} (the framework id),
 * {@link io.stratum.sdk.internal.state.PlanStore} (plan progress) and
 * {@link io.stratum.sdk.internal.state.PropertyStore} (free-form properties). Their records, such as
 * {@link io.stratum.sdk.internal.state.TaskRecord}, are independent of any backend's wire format.
 *
 * <p>{@link io.stratum.sdk.internal.state.SchedulerLock} elects the one scheduler that may act for a service;
 * the others wait as hot standbys. Its {@code termPersister()} fences a term of leadership: each of
 * the term's writes checks, in the same ZooKeeper transaction, that the term still holds the lock.
 *
 * <p>Every failure to read or write is an unchecked {@link io.stratum.sdk.internal.state.PersisterException}
 * with a {@link io.stratum.sdk.internal.state.PersisterException.Reason}.
 */
package io.stratum.sdk.internal.state;
