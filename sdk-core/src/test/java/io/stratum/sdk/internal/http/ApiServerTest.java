package io.stratum.sdk.internal.http;

import io.stratum.sdk.http.ApiHandler;
import io.stratum.sdk.http.ApiResponse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ApiServerTest {
    private static ApiServer.Builder routes() {
        return ApiServer.builder()
                .route("GET", "/v1/pod/status", r -> ApiResponse.ok(Map.of("all", true)))
                .route("GET", "/v1/pod/{name}", r -> ApiResponse.ok(Map.of("name", r.pathParam("name"))))
                .route("POST", "/v1/echo", r -> ApiResponse.ok(r.bodyAsStringMap("body")))
                .route("GET", "/v1/boom", r -> {
                    throw new IllegalStateException("bug");
                });
    }

    @Test
    void literalRoutesWinOverParametersAndParametersAreDecoded() throws Exception {
        try (HttpFixture http = new HttpFixture(routes())) {
            assertThat(http.get("/v1/pod/status").json().path("all").asBoolean()).isTrue();
            assertThat(http.get("/v1/pod/hello-0").json().path("name").asText()).isEqualTo("hello-0");
            assertThat(http.get("/v1/pod/a%20b").json().path("name").asText()).isEqualTo("a b");
        }
    }

    @Test
    void unknownPathsAndWrongMethodsGetJsonErrors() throws Exception {
        try (HttpFixture http = new HttpFixture(routes())) {
            var missing = http.get("/v1/nothing");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.json().path("error").asText()).isEqualTo("no such endpoint: GET /v1/nothing");

            var wrongMethod = http.post("/v1/pod/status", null);
            assertThat(wrongMethod.status()).isEqualTo(405);
            assertThat(wrongMethod.json().path("error").asText()).contains("allowed: GET");
        }
    }

    @Test
    void aBadJsonBodyIsA400NamingTheParameter() throws Exception {
        try (HttpFixture http = new HttpFixture(routes())) {
            var reply = http.post("/v1/echo", "{not json");

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().path("parameter").asText()).isEqualTo("body");
            assertThat(reply.json().path("error").asText()).startsWith("the body is not valid JSON");
            assertThat(http.post("/v1/echo", "{\"a\": 1}").json().path("a").asText()).isEqualTo("1");
        }
    }

    @Test
    void aHandlerBugIsA500WithoutDetailsLeaking() throws Exception {
        try (HttpFixture http = new HttpFixture(routes())) {
            var reply = http.get("/v1/boom");

            assertThat(reply.status()).isEqualTo(500);
            assertThat(reply.json().path("error").asText()).isEqualTo("internal error: the scheduler's log says more")
                    .doesNotContain("Exception", "bug");
        }
    }

    @Test
    void withATokenMutatingCallsNeedTheBearerTokenButReadsDoNot() throws Exception {
        try (HttpFixture http = new HttpFixture(routes().withToken("s3cret"))) {
            assertThat(http.get("/v1/pod/status").status()).isEqualTo(200);

            var denied = http.post("/v1/echo", "{}");
            assertThat(denied.status()).isEqualTo(401);
            assertThat(denied.json().path("parameter").asText()).isEqualTo("Authorization");
            assertThat(http.post("/v1/echo", "{}", "wrong").status()).isEqualTo(401);
            assertThat(http.post("/v1/echo", "{}", "s3cret").status()).isEqualTo(200);
        }
    }

    @Test
    void aRouteTakesOnlyTheQueryParametersItsHandlerDeclares() throws Exception {
        ApiHandler seeds = ApiHandler.withQueryParameters(Set.of("rack", "limit"),
                r -> ApiResponse.ok(Map.of("rack", r.queryParam("rack").orElse("any"))));
        try (HttpFixture http = new HttpFixture(routes().route("GET", "/v1/seeds", seeds))) {
            assertThat(http.get("/v1/seeds?rack=r%201&limit=2").json().path("rack").asText()).isEqualTo("r 1");

            var misspelt = http.get("/v1/seeds?rak=r1");
            assertThat(misspelt.status()).isEqualTo(400);
            assertThat(misspelt.json().path("parameter").asText()).isEqualTo("rak");
            assertThat(misspelt.json().path("error").asText())
                    .isEqualTo("unknown query parameter 'rak' (did you mean 'rack'?); GET /v1/seeds takes: limit, rack");

            var undeclared = http.get("/v1/pod/status?rack=r1");
            assertThat(undeclared.status()).isEqualTo(400);
            assertThat(undeclared.json().path("error").asText()).endsWith("GET /v1/pod/status takes none");
        }
    }

    @Test
    void theServerBindsToLoopbackByDefault() throws Exception {
        try (ApiServer server = ApiServer.builder().build().start()) {
            assertThat(server.uri().getHost()).isEqualTo("127.0.0.1");
            assertThat(server.port()).isPositive();
        }
    }

    @Test
    void aSocketBoundEarlyKeepsItsPortAndServesWhatConnectedMeanwhileOnceStarted() throws Exception {
        ApiServer.Builder builder = routes();
        InetSocketAddress bound = builder.bind();
        assertThat(bound.getPort()).isPositive();
        CompletableFuture<HttpResponse<String>> early = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bound.getPort() + "/v1/pod/status"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(100);
        assertThat(early).as("nothing is served before start").isNotDone();

        try (ApiServer server = builder.build().start()) {
            assertThat(server.port()).isEqualTo(bound.getPort());
            HttpResponse<String> reply = early.get(10, TimeUnit.SECONDS);
            assertThat(reply.statusCode()).isEqualTo(200);
            assertThat(reply.body()).contains("\"all\" : true");
        }
    }

    @Test
    void aSocketBoundButNeverServedIsReleased() throws Exception {
        ApiServer.Builder unbuilt = routes();
        int port = unbuilt.bind().getPort();
        unbuilt.unbind();
        new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress()).close();

        ApiServer.Builder built = routes();
        int second = built.bind().getPort();
        built.build().close();
        new ServerSocket(second, 1, java.net.InetAddress.getLoopbackAddress()).close();
    }
}
