package io.stratum.sdk.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte, for requests no well-behaved client would send:
 * malformed request lines, bad escapes, raw non-ASCII, huge headers, lying {@code Content-Length}s,
 * requests sent in part and held open.
 */
final class RawHttp implements AutoCloseable {
    /** Generous: the test machine is shared; only a server that never answers reaches it. */
    static final int READ_TIMEOUT_MS = 60_000;

    /** An answer as it came off the wire. */
    record Answer(int status, Map<String, String> headers, String body) {
        /** @return the body as JSON (fails the test's parse if it is not) */
        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(body);
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body;
        }
    }

    private final Socket socket;

    private RawHttp(Socket socket) {
        this.socket = socket;
    }

    /** @return a connection to the server at {@code base} */
    static RawHttp connect(URI base) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), READ_TIMEOUT_MS);
        socket.setSoTimeout(READ_TIMEOUT_MS);
        return new RawHttp(socket);
    }

    /** Sends {@code bytes} and reads one answer. */
    static Answer exchange(URI base, byte[] bytes) throws IOException {
        try (RawHttp http = connect(base)) {
            http.send(bytes);
            return http.read();
        }
    }

    static Answer exchange(URI base, String text) throws IOException {
        return exchange(base, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code bytes} (the server may close its side before all are written: that is fine). */
    void send(byte[] bytes) throws IOException {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
        } catch (SocketException e) {
            // the server refused early (e.g. headers too large) and closed: its answer is still readable
        }
    }

    void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** @return whether the server closed the connection (read gives end of stream or a reset) */
    boolean closedByServer() throws IOException {
        try {
            InputStream in = socket.getInputStream();
            return in.read() < 0;
        } catch (SocketException e) {
            return true;
        }
    }

    /** Reads one answer: status line, headers, and a body of its Content-Length (or up to the end). */
    Answer read() throws IOException {
        InputStream in = socket.getInputStream();
        String head = readHead(in);
        String[] lines = head.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        String length = headers.get("content-length");
        byte[] body = length != null ? in.readNBytes(Integer.parseInt(length)) : readToEnd(in);
        return new Answer(Integer.parseInt(statusLine[1]), headers, new String(body, StandardCharsets.UTF_8));
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the server closed the connection without an answer; got: " + head);
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1).strip();
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        try {
            return in.readAllBytes();
        } catch (SocketException e) {
            return new byte[0];
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
