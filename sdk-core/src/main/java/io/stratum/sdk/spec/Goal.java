package io.stratum.sdk.spec;

/**
 * What a task is meant to do.
 *
 * <ul>
 *   <li>{@link #RUNNING}: run forever; relaunched when it exits.</li>
 *   <li>{@link #FINISH}: run to a successful exit; relaunched when it fails, and again when its
 *       pod's configuration changes.</li>
 *   <li>{@link #ONCE}: run to a successful exit once in the service's life.</li>
 * </ul>
 */
public enum Goal {
    RUNNING, FINISH, ONCE
}
