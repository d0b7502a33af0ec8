package io.stratum.sdk.internal.check;

import java.util.concurrent.CompletableFuture;

/**
 * One way of checking a task: a command, an HTTP GET or a TCP connect.
 *
 * <p>{@link #start()} begins one probe and returns at once. Completing the returned future early
 * (the check timed out or was closed) abandons the probe and releases what it holds: a command's
 * process group is killed. A probe never completes the future exceptionally.
 */
sealed interface Probe permits CommandProbe, HttpProbe, TcpProbe {

    /** @return the outcome, to come */
    CompletableFuture<ProbeOutcome> start();
}
