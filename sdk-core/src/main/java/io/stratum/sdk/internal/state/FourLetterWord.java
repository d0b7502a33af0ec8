package io.stratum.sdk.internal.state;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Asks a ZooKeeper server one of its four-letter words ({@code srvr}, {@code ruok}, ...) over a
 * plain socket: the only check that tells a serving server from one whose thread died while its
 * port stayed bound.
 */
final class FourLetterWord {
    private FourLetterWord() {}

    /**
     * @return the server's whole answer
     * @throws IOException if the server cannot be reached or does not answer within {@code timeout}
     */
    static String ask(String host, int port, String word, Duration timeout) throws IOException {
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), millis);
            socket.setSoTimeout(millis);
            OutputStream out = socket.getOutputStream();
            out.write(word.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
