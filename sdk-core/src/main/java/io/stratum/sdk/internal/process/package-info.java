/**
 * Process groups on Linux: starting a command in its own session, finding the living members of a
 * group and signalling the whole group. Used by the {@code local} backend's tasks and by command
 * checks. Public but unsupported: framework authors must not use it.
 */
package io.stratum.sdk.internal.process;
