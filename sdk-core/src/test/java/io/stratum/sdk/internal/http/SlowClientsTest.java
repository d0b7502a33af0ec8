package io.stratum.sdk.internal.http;

import static io.stratum.sdk.internal.http.ApiFixture.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Clients that send part of a request and wait (slow-loris) cost the server a connection each,
 * never a worker: every other client, {@code /v1/health} included, is still answered; and the
 * idle timeout closes them. No timing is asserted: conditions are awaited, with generous bounds.
 */
class SlowClientsTest {
    private static final int EACH_KIND = 12;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    /** Four kinds of half a request, {@link #EACH_KIND} of each (more than the server's worker threads in all). */
    private static List<RawHttp> holdHalfRequests(ApiFixture api) throws Exception {
        String target = "/v1/configurations/target";
        List<RawHttp> held = new ArrayList<>();
        for (int i = 0; i < EACH_KIND; i++) {
            RawHttp requestLine = RawHttp.connect(api.server().uri());
            requestLine.send("GET /v1/hea");
            RawHttp headers = RawHttp.connect(api.server().uri());
            headers.send("GET /v1/health HTTP/1.1\r\nHost: x\r\nX-Slow: ");
            RawHttp shortBody = RawHttp.connect(api.server().uri());
            shortBody.send("PUT " + target + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n{\"name\": ");
            RawHttp chunked = RawHttp.connect(api.server().uri());
            chunked.send("POST /v1/plans/deploy/start HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n");
            held.addAll(List.of(requestLine, headers, shortBody, chunked));
        }
        return held;
    }

    @Test
    void halfRequestsHeldOpenStarveNoOtherClient() throws Exception {
        try (ApiFixture api = new ApiFixture(Duration.ofMinutes(5))) {
            List<RawHttp> held = holdHalfRequests(api);
            try {
                for (int i = 0; i < 10; i++) {
                    HttpResponse<String> health = client.send(HttpRequest.newBuilder(api.server().uri().resolve("/v1/health"))
                            .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(health.statusCode()).isEqualTo(200);
                }
                HttpResponse<String> command = client.send(HttpRequest.newBuilder(api.server().uri()
                                .resolve("/v1/plans/deploy/start")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"A\": \"1\"}")).timeout(Duration.ofSeconds(60)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(command.statusCode()).isEqualTo(200);
            } finally {
                for (RawHttp connection : held) {
                    connection.close();
                }
            }
        }
    }

    @Test
    void halfRequestsAreClosedAfterTheIdleTimeoutAndAShortBodyIsAnswered408() throws Exception {
        try (ApiFixture api = new ApiFixture(Duration.ofSeconds(1))) {
            try (RawHttp headers = RawHttp.connect(api.server().uri());
                 RawHttp shortBody = RawHttp.connect(api.server().uri())) {
                headers.send("GET /v1/health HTTP/1.1\r\nHost: x\r\nX-Slow: ");
                shortBody.send("PUT /v1/configurations/target HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 1000\r\n\r\n{\"name\": ");

                assertRefused(shortBody.read(), 408, "body");
                await().atMost(Duration.ofSeconds(60)).until(() -> closedOrRefused(headers));
            }
        }
    }

    /** True once the server gave up on the connection: closed it, or answered 408 and closed. */
    private static boolean closedOrRefused(RawHttp connection) throws Exception {
        try {
            RawHttp.Answer answer = connection.read();
            assertRefused(answer, 408, null);
            return true;
        } catch (java.io.IOException e) {
            return e.getMessage() != null && e.getMessage().contains("without an answer") || connection.closedByServer();
        }
    }
}
