package io.stratum.sdk.internal.check;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Opens (and closes) a TCP connection to {@code host:port} within {@code timeout}, on
 * {@code blocking}; passes when it opens.
 */
record TcpProbe(String host, int port, Duration timeout, Executor blocking) implements Probe {

    @Override
    public CompletableFuture<ProbeOutcome> start() {
        // A connect blocks (up to the timeout when packets are dropped), so not on the scheduler.
        return CompletableFuture.supplyAsync(this::connect, blocking);
    }

    private ProbeOutcome connect() {
        InetSocketAddress address = new InetSocketAddress(host, port);
        try (Socket socket = new Socket()) {
            socket.connect(address, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            return new ProbeOutcome(true, "connected to " + host + ":" + port);
        } catch (IOException | RuntimeException e) {
            return ProbeOutcome.failed("cannot connect to " + host + ":" + port + ": " + ProbeOutcome.describe(e));
        }
    }
}
