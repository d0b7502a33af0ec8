package io.stratum.sdk.spec;

/**
 * Who the scheduler acts as, and where its state lives.
 *
 * @param principal the principal that reserves resources (defaults to {@code <name>-principal})
 * @param user      the OS user tasks run as, or null for the scheduler's own user
 * @param zookeeper {@code host:port[,host:port]} of the state store, or null for the default
 */
public record SchedulerSpec(String principal, String user, String zookeeper) {}
