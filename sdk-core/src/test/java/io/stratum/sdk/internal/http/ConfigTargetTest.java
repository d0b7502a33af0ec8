package io.stratum.sdk.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stratum.sdk.cli.StratumCli;
import io.stratum.sdk.internal.plan.Plan;
import io.stratum.sdk.internal.plan.Step;
import io.stratum.sdk.internal.state.PropertyStore;
import io.stratum.sdk.spec.SpecException;
import io.stratum.sdk.spec.SpecLoader;
import io.stratum.sdk.testing.Expect;
import io.stratum.sdk.testing.Send;
import io.stratum.sdk.testing.ServiceTestRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every path that changes the target (the API, the CLI's {@code update}, framework code, a first
 * spec built in Java) refuses each {@link BadTargets} case with the problem the spec loader gives,
 * located by its path, and changes nothing: the target, the stored configs, the plans' statuses
 * and the running tasks stay as they were; the refusal can be read back from
 * {@code GET /v1/configurations/target}.
 */
class ConfigTargetTest {
    /** Java names a person should never read in an answer. */
    private static final Pattern JAVA_NAMES = Pattern.compile(
            "(?:java|javax|jakarta|io\\.stratum|com\\.fasterxml)\\.|Exception|ServiceSpec|PodSpec|TaskSpec|CheckSpec"
                    + "|StreamReadConstraints|Double|Integer|Boolean|Enum");

    private ServiceTestRunner runner;
    private ServiceTestRunner.Context context;
    private HttpFixture http;

    @TempDir
    Path dir;

    @BeforeEach
    void deploy() throws Exception {
        runner = ServiceTestRunner.builder(BadTargets.spec()).build();
        context = runner.run(Send.offersUntilComplete("deploy", 30), Expect.planStatus("deploy",
                io.stratum.sdk.plan.Status.COMPLETE));
        SchedulerApi api = new SchedulerApi(context.scheduler(), null, PropertyStore.of(context.persister()));
        http = new HttpFixture(api.routes(ApiServer.builder()));
    }

    @AfterEach
    void close() {
        http.close();
        runner.close();
    }

    static Stream<BadTargets.Case> cases() {
        return BadTargets.all().stream();
    }

    static Stream<BadTargets.Case> yamlCases() {
        return cases().filter(c -> c.yamlFrom() != null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("yamlCases")
    void theSpecLoaderGivesTheProblem(BadTargets.Case bad) {
        if (bad.rules()) {
            assertThat(BadTargets.load(bad.yaml())).as("valid on its own").isNotNull();
            return;
        }
        assertThatThrownBy(() -> SpecLoader.builder().build().load("svc.yml", bad.yaml(), Path.of(".")))
                .isInstanceOfSatisfying(SpecException.class, e -> assertLocated(bad,
                        e.problems().stream().map(p -> p.path() + ": " + p.message()).toList()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theApiRefusesItWithTheSameProblemAndChangesNothing(BadTargets.Case bad) throws Exception {
        Map<String, Object> before = snapshot();
        String now = context.now().toString();

        HttpFixture.Reply reply = http.put("/v1/configurations/target", bad.body());

        assertThat(reply.status()).as(reply.text()).isIn(400, 409);
        List<String> errors = texts(reply.json().path("errors"));
        assertLocated(bad, errors);
        assertUnchanged(before);
        JsonNode refused = http.get("/v1/configurations/target").json().path("lastRefused");
        assertThat(texts(refused.path("errors"))).isEqualTo(errors);
        assertThat(refused.path("time").asText()).isEqualTo(now);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void frameworkCodeGetsTheSameProblemAndChangesNothing(BadTargets.Case bad) {
        if (bad.spec() == null) {
            return; // Java cannot even build it (a placement that does not parse)
        }
        Map<String, Object> before = snapshot();

        List<String> errors = context.scheduler().updateConfig(bad.spec());

        assertLocated(bad, errors);
        assertUnchanged(before);
        assertThat(context.scheduler().lastRefused().orElseThrow().errors()).isEqualTo(errors);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aFirstSpecBuiltInJavaIsRefusedBeforeAnythingIsStored(BadTargets.Case bad) {
        if (bad.rules() || bad.spec() == null) {
            return;
        }
        try (ServiceTestRunner fresh = ServiceTestRunner.builder(bad.spec()).build()) {
            assertThatThrownBy(fresh::run).isInstanceOfSatisfying(IllegalArgumentException.class,
                    e -> assertThat(e.getMessage()).contains(bad.problem() != null ? bad.problem() : bad.path()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("yamlCases")
    void stratumUpdateExitsTwoWithTheProblemAndChangesNothing(BadTargets.Case bad) throws Exception {
        Map<String, Object> before = snapshot();
        Path file = Files.writeString(dir.resolve("svc.yml"), bad.yaml());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = StratumCli.execute(new String[] {"update", file.toString(), "--api", http.base().toString()},
                new PrintWriter(out), new PrintWriter(err));

        assertThat(code).as("stderr: %s", err).isEqualTo(StratumCli.BAD_INPUT);
        assertThat(err.toString()).contains(bad.problem() != null ? bad.problem() : bad.path());
        assertUnchanged(before);
    }

    @Test
    void configTargetShowsTheLastRefusedUpdate() throws Exception {
        StringWriter out = new StringWriter();
        assertThat(http.put("/v1/configurations/target", BadTargets.all().get(0).body()).status()).isEqualTo(409);

        int code = StratumCli.execute(new String[] {"config", "target", "--api", http.base().toString()},
                new PrintWriter(out), new PrintWriter(new StringWriter()));

        assertThat(code).isZero();
        assertThat(out.toString()).contains("\"lastRefused\"").contains(BadTargets.all().get(0).problem());
    }

    @Test
    void theTargetReadBackCanBeSentAgainAndBeforeAnyRefusalLastRefusedIsNull() throws Exception {
        HttpFixture.Reply target = http.get("/v1/configurations/target");
        assertThat(target.json().get("lastRefused").isNull()).isTrue();
        ObjectNode changed = (ObjectNode) target.json().deepCopy();
        ((ObjectNode) changed.path("pods").path("world").path("tasks").path("server")).put("cmd", "world --v2");

        HttpFixture.Reply reply = http.put("/v1/configurations/target", changed.toString());

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(context.scheduler().target().pod("world").task("server").cmd()).isEqualTo("world --v2");
    }

    /** Bodies that are no spec at all: 400, one problem located by its path, no Java names. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("notSpecs")
    void aBodyThatIsNoSpecIs400WithALocatedProblem(String name, String body, String where) throws Exception {
        Map<String, Object> before = snapshot();

        HttpFixture.Reply reply = http.put("/v1/configurations/target", body);

        assertThat(reply.status()).as(reply.text()).isIn(400, 409);
        List<String> errors = texts(reply.json().path("errors"));
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e).startsWith(where);
            assertThat(JAVA_NAMES.matcher(e).find()).as("no Java names in: %s", e).isFalse();
        });
        assertUnchanged(before);
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> notSpecs() {
        String valid = BadTargets.tree().toString();
        String server = "\"server\":{";
        List<Object[]> all = new ArrayList<>(List.of(
                new Object[] {"null", "null", "the body must be a service spec"},
                new Object[] {"empty", "", "the body must be a service spec"},
                new Object[] {"a list", "[]", "the body must be a service spec"},
                new Object[] {"a string", "\"svc\"", "the body must be a service spec"},
                new Object[] {"not JSON", "{name: svc", "the body is not valid JSON at line 1"},
                new Object[] {"trailing garbage", valid + " x", "the body is not valid JSON"},
                new Object[] {"nested too deeply", "[".repeat(5000) + "]".repeat(5000), "the body is not valid JSON"},
                new Object[] {"no name", "{\"pods\": {}}", "name: required field 'name' is missing"},
                new Object[] {"cpus a string", valid.replace("\"cpus\":0.5", "\"cpus\":\"lots\""),
                        "pods.hello.tasks.server.cpus: expected a number, got 'lots'"},
                new Object[] {"cpus a list", valid.replace("\"cpus\":0.5", "\"cpus\":[1]"),
                        "pods.hello.tasks.server.cpus: expected a number"},
                new Object[] {"count a string", valid.replace("\"count\":2", "\"count\":\"two\""),
                        "pods.hello.count: expected a whole number"},
                new Object[] {"count beyond int", valid.replace("\"count\":2", "\"count\":99999999999"),
                        "pods.hello.count: expected a whole number"},
                new Object[] {"count fractional", valid.replace("\"count\":2", "\"count\":1.5"),
                        "pods.hello.count: expected a whole number"},
                new Object[] {"count null", valid.replace("\"count\":2", "\"count\":null"),
                        "pods.hello.count: expected a whole number"},
                new Object[] {"goal unknown", valid.replace("\"goal\":\"RUNNING\"", "\"goal\":\"SOMETIMES\""),
                        "pods.hello.tasks.server.goal: expected one of RUNNING, FINISH, ONCE, got 'SOMETIMES'"},
                new Object[] {"strategy unknown", valid.replace("\"strategy\":\"SERIAL\"", "\"strategy\":\"zigzag\""),
                        "plans.deploy.strategy: expected one of"},
                new Object[] {"check kind unknown", valid.replace("\"kind\":\"http\"", "\"kind\":\"ping\""),
                        "pods.hello.tasks.server.health-check.probe: unknown kind 'ping'"},
                new Object[] {"unknown field", valid.replace(server, server + "\"cpu\":1,"),
                        "pods.hello.tasks.server.cpu: unknown field 'cpu'; fields: cmd, configs, cpus"},
                new Object[] {"pods a list", valid.replaceFirst("\"pods\":\\{", "\"pods\":[{").replace(
                        ",\"plans\"", "],\"plans\""), "pods: expected a mapping"},
                new Object[] {"a pod null", "{\"name\":\"svc\",\"pods\":{\"hello\":null}}",
                        "pods.hello: expected a mapping of fields, got null"},
                new Object[] {"a task without a name", valid.replace("\"name\":\"server\"", "\"name\":null"),
                        "pods.hello.tasks.server"},
                new Object[] {"a pod under another name", valid.replace("\"name\":\"world\"", "\"name\":\"earth\""),
                        "pods.world.name: must be 'world', the key it is under, got 'earth'"},
                new Object[] {"a placement that does not parse", valid.replace("\"placement\":\"[[\\\"hostname\\\",\\\"UNIQUE\\\"]]\"",
                        "\"placement\":\"[[\""), "pods.hello.placement: bad placement rule"},
                new Object[] {"essential a number", valid.replace("\"essential\":true", "\"essential\":7"),
                        "pods.hello.tasks.server.essential: expected true or false"}));
        return all.stream().map(org.junit.jupiter.params.provider.Arguments::of);
    }

    private static void assertLocated(BadTargets.Case bad, List<String> errors) {
        if (bad.problem() != null) {
            assertThat(errors).as("errors").anySatisfy(e -> assertThat(e).startsWith(bad.problem()));
        } else {
            assertThat(errors).as("errors").anySatisfy(e -> assertThat(e).startsWith(bad.path() + ": "));
        }
        errors.forEach(e -> assertThat(JAVA_NAMES.matcher(e).find()).as("no Java names in: %s", e).isFalse());
    }

    /** What a refused update must leave alone: target, configs, plans and their steps, tasks. */
    private Map<String, Object> snapshot() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("target", context.scheduler().target());
        out.put("targetId", context.scheduler().targetId());
        out.put("configs", context.scheduler().configIds());
        for (Plan plan : context.scheduler().plans().values()) {
            out.put(plan.name(), plan.status() + " " + plan.errors());
            for (Step step : plan.steps()) {
                out.put(plan.name() + "/" + step.name(), step.status());
            }
        }
        out.put("launched", context.cluster().launched().size());
        out.put("live", context.cluster().liveTasks().stream().map(t -> t.taskId()).sorted().toList());
        return out;
    }

    private void assertUnchanged(Map<String, Object> before) {
        assertThat(snapshot()).isEqualTo(before);
        Send.offers().run(context);
        Send.offers().run(context);
        assertThat(snapshot()).as("after more offers").isEqualTo(before);
        try {
            JsonNode target = http.get("/v1/configurations/target").json();
            ((ObjectNode) target).remove("lastRefused");
            assertThat(target).isEqualTo(BadTargets.tree());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.asText()));
        return out;
    }
}
