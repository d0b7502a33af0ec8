/**
 * How pod instances find each other without a DNS service. A pod instance's address (its agent's)
 * and ports are known from the moment its resources are reserved; every task is launched knowing
 * those of every instance placed before it (see {@link io.stratum.sdk.discovery.PodAddress}). A
 * plan phase that only reserves ({@code reserve-only: true}) places every instance of an ensemble
 * before any launches, so each member's environment and config templates list them all.
 *
 * <p>For the pods a spec marks {@code discoverable: true}, every task of the service gets, in its
 * environment and so in its config templates ({@code POD} is the pod's name in upper case with
 * anything but letters, digits and {@code _} as {@code _}; {@code PORT} likewise the port's name):
 * <ul>
 *   <li>{@code <POD>_<INDEX>_HOST}: the address of instance {@code INDEX}, once placed;</li>
 *   <li>{@code <POD>_<INDEX>_PORT_<PORT>}: that instance's port, once reserved;</li>
 *   <li>{@code <POD>_HOSTS}: the addresses of the placed instances, by index, comma-separated (empty
 *       while none is placed);</li>
 *   <li>{@code <POD>_ENDPOINTS_<PORT>}: their {@code host:port}s for that port, likewise.</li>
 * </ul>
 * A framework computes anything else (a {@code qjournal://} URI, an etcd {@code initial-cluster})
 * with a {@link io.stratum.sdk.discovery.TaskEnvironment}, which sees every placed instance, of
 * every pod, as a {@link io.stratum.sdk.discovery.TaskContext}.
 *
 * <p>A launch that replaces its pod instance on fresh resources ({@code stratum pod replace}, or the
 * recovery of a permanently failed instance) has, in every task's environment,
 * {@code STRATUM_REPLACED_ADDRESS}: the address of the agent the instance ran on before (a restarted
 * scheduler still knows it). No other launch has it. A member of an ensemble that must be told it
 * takes a lost member's place (Cassandra's {@code -Dcassandra.replace_address_first_boot}) reads it.
 *
 * <p>Every task's environment also holds the service's ZooKeeper, for daemons that coordinate
 * through it (see {@link io.stratum.sdk.discovery.ServiceZooKeeper}): {@code STRATUM_ZOOKEEPER}, the
 * servers' {@code host:port}s without a chroot, and {@code STRATUM_ZOOKEEPER_PATH}, a node of the
 * service's tasks alone, deleted by {@code uninstall}. The SDK sets them last: neither a spec's
 * {@code env} nor a framework's task environment can change them.
 *
 * <p>A framework's own API routes ({@code Service.Builder.endpoint}) read where the instances are
 * with {@code ApiRequest.discovery()} (package {@code http}, which depends on this one, never the reverse).
 */
package io.stratum.sdk.discovery;
