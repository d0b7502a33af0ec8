package io.stratum.sdk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.discovery.PodAddress;
import io.stratum.sdk.http.ApiException;
import io.stratum.sdk.http.ApiHandler;
import io.stratum.sdk.http.ApiResponse;
import io.stratum.sdk.plan.Status;
import io.stratum.sdk.service.Service;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.SpecLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A framework's own routes read where the pod instances are ({@code ApiRequest.discovery()}), and
 * {@link ServiceTestRunner.Context#get} calls them as the API does: the placed instances of every
 * pod, reserved ones included, as they are when the request comes; refusals as the API answers them.
 */
class FrameworkRouteTest {
    private static final String SPEC = """
            name: ring
            pods:
              node:
                count: 3
                placement: hostname:UNIQUE
                tasks:
                  server:
                    cmd: serve
                    cpus: 0.1
                    memory: 32
                    ports: {native: {port: 0}}
              client:
                count: 1
                tasks:
                  app: {cmd: use, cpus: 0.1, memory: 32}
            plans:
              deploy:
                strategy: serial
                phases:
                  place: {pod: node, strategy: parallel, reserve-only: true}
                  start: {pod: node, strategy: serial}
                  clients: {pod: client, strategy: serial}
            """;

    /** {@code GET /v1/seeds[?limit=N]}: the nodes' {@code host:native} endpoints, by index. */
    private static final ApiHandler SEEDS = request -> {
        int limit = request.queryParam("limit").map(Integer::parseInt).orElse(Integer.MAX_VALUE);
        return ApiResponse.ok(request.discovery().stream().filter(a -> a.podType().equals("node")).limit(limit)
                .map(a -> a.endpoint("native")).toList());
    };

    /** {@code GET /v1/instances/{pod}}: the placed instances of a pod, by name; 404 for no such pod. */
    private static final ApiHandler INSTANCES = request -> {
        String pod = request.pathParam("pod");
        List<String> names = request.discovery().stream().filter(a -> a.podType().equals(pod)).map(PodAddress::name)
                .toList();
        if (names.isEmpty()) {
            throw ApiException.notFound("pod", "no placed instance of '" + pod + "'");
        }
        return ApiResponse.ok(names);
    };

    private static ServiceTestRunner.Context started() {
        ServiceSpec spec;
        try {
            spec = SpecLoader.builder().build().load("svc.yml", SPEC, Path.of("."));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        Service service = Service.builder(spec).endpoint("/v1/seeds", Set.of("limit"), SEEDS)
                .endpoint("/v1/instances/{pod}", INSTANCES).build();
        return ServiceTestRunner.builder(service).build().run();
    }

    private static String endpoint(ServiceTestRunner.Context context, int node) {
        var record = context.scheduler().tasks().stream().filter(t -> t.name().equals("node-" + node + "-server"))
                .findFirst().orElseThrow();
        return record.labels().get("hostname") + ":" + record.labels().get("port.native");
    }

    @Test
    void aRouteSeesTheInstancesPlacedWhenItIsCalledReservedOnesIncluded() {
        var context = started();
        assertThat(context.get("/v1/seeds")).isEqualTo(ApiResponse.ok(List.of()));

        Send.offers().run(context);
        assertThat(context.cluster().launched()).as("the reserve-only phase launches nothing").isEmpty();
        List<String> reserved = List.of(endpoint(context, 0), endpoint(context, 1), endpoint(context, 2));
        assertThat(context.get("/v1/seeds")).isEqualTo(ApiResponse.ok(reserved));
        assertThat(context.get("/v1/seeds?limit=2")).isEqualTo(ApiResponse.ok(reserved.subList(0, 2)));

        Send.offersUntilComplete("deploy", 30).run(context);
        Expect.planStatus("deploy", Status.COMPLETE).run(context);
        assertThat(context.get("/v1/seeds")).as("launched in place: the same addresses").isEqualTo(ApiResponse.ok(reserved));
        assertThat(context.get("/v1/instances/client")).isEqualTo(ApiResponse.ok(List.of("client-0")));
    }

    @Test
    void aRouteSeesAReplacedInstanceWhereItIsNowAlsoAfterASchedulerRestart() {
        var context = started();
        Send.offersUntilComplete("deploy", 30).run(context);
        String before = endpoint(context, 1);

        Send.podReplace("node-1").run(context);
        Send.offersUntilComplete("recovery", 10).run(context);
        String after = endpoint(context, 1);
        assertThat(after).isNotEqualTo(before);
        assertThat(context.get("/v1/seeds")).isEqualTo(ApiResponse.ok(List.of(endpoint(context, 0), after,
                endpoint(context, 2))));

        Send.schedulerRestart().run(context);
        assertThat(context.get("/v1/seeds")).isEqualTo(ApiResponse.ok(List.of(endpoint(context, 0), after,
                endpoint(context, 2))));
    }

    @Test
    void refusalsAreAnsweredAsTheApiAnswersThem() {
        var context = started();

        assertThat(context.get("/v1/instances/node")).isEqualTo(new ApiResponse(404,
                Map.of("error", "no placed instance of 'node'", "parameter", "pod")));
        assertThat(context.get("/v1/seeds?limt=2").status()).isEqualTo(400);
        assertThat(context.get("/v1/seeds?limt=2").body()).isEqualTo(Map.of("parameter", "limt",
                "error", "unknown query parameter 'limt' (did you mean 'limit'?); GET /v1/seeds takes: limit"));
        assertThat(context.get("/v1/nope")).isEqualTo(new ApiResponse(404,
                Map.of("error", "no such endpoint: GET /v1/nope", "parameter", "path")));
        assertThat(context.get("/v1/instances/%E2%82%AC")).isEqualTo(new ApiResponse(404,
                Map.of("error", "no placed instance of '€'", "parameter", "pod")));
        assertThat(context.get("/v1/instances/%zz").status()).isEqualTo(400);
    }
}
