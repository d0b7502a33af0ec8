package io.stratum.sdk.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A server on a real loopback socket that is not a Stratum API, for the client commands' tests:
 * one that accepts and never answers, one that closes at once, one that sends its headers and
 * stops, or one that answers every request with a fixed raw answer (an HTML page, say).
 */
final class FakeServer implements AutoCloseable {
    /** What the server does with each connection. */
    enum Mode { SILENT, CLOSE, HEADERS_ONLY, ANSWER }

    private final ServerSocket socket;
    private final Mode mode;
    private final String answer;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private FakeServer(Mode mode, String answer) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.mode = mode;
        this.answer = answer;
        this.acceptor = new Thread(this::accept, "fake-server-" + mode);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static FakeServer of(Mode mode) throws IOException {
        return new FakeServer(mode, null);
    }

    /** @return a server answering every request with {@code status}, {@code contentType} and {@code body} */
    static FakeServer answering(int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new FakeServer(Mode.ANSWER, "HTTP/1.1 " + status + " Whatever\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n" + body);
    }

    String url() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    private void accept() {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                return;
            }
            try {
                switch (mode) {
                    case SILENT -> held.add(client);
                    case CLOSE -> client.close();
                    case HEADERS_ONLY -> {
                        readRequest(client.getInputStream());
                        client.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                + "Content-Length: 1000\r\n\r\n[").getBytes(StandardCharsets.US_ASCII));
                        client.getOutputStream().flush();
                        held.add(client);
                    }
                    case ANSWER -> {
                        readRequest(client.getInputStream());
                        OutputStream out = client.getOutputStream();
                        out.write(answer.getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        client.shutdownOutput();
                        held.add(client);
                    }
                }
            } catch (IOException e) {
                // the client went away: nothing to do
            }
        }
    }

    /** Reads a request's headers and body (by its Content-Length), so that closing never resets it. */
    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        while (!headers.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            headers.write(b);
        }
        int length = 0;
        for (String line : headers.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).strip());
            }
        }
        in.readNBytes(length);
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket client : held) {
            client.close();
        }
    }
}
