package io.stratum.hadoop;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.stratum.sdk.spec.ConfigSpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hdfs-node.sh}, rendered as a task's sandbox has it and run with bash: the readiness probes
 * against name, data and journal nodes' JMX (a fake HTTP server answering as Hadoop's JMX servlet
 * does), the decommission's wait, and the daemons' command lines (a fake {@code java} that records
 * its arguments).
 */
class NodeScriptTest {
    @TempDir
    Path dir;

    private HttpServer nameNode0;
    private HttpServer nameNode1;
    /** The JMX answers by bean query, per server. */
    private final Map<HttpServer, Function<String, String>> beans = new ConcurrentHashMap<>();
    private Path sandbox;
    private Path javaArgs;

    @BeforeEach
    void start() throws IOException {
        nameNode0 = server();
        nameNode1 = server();
        sandbox = Files.createDirectories(dir.resolve("sandbox"));
        javaArgs = dir.resolve("java-args");
    }

    @AfterEach
    void stop() {
        nameNode0.stop(0);
        nameNode1.stop(0);
    }

    private HttpServer server() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jmx", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            String bean = query == null ? "" : query.substring(query.indexOf('=') + 1);
            String body = beans.getOrDefault(server, q -> "{\n  \"beans\" : [ ]\n}").apply(bean);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf8");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String bean(String name, String attributes) {
        return "{\n  \"beans\" : [ {\n    \"name\" : \"" + name + "\",\n    \"modelerType\" : \"x\",\n" + attributes
                + "\n  } ]\n}";
    }

    private static String nameNodeStatus(String state) {
        return bean("Hadoop:service=NameNode,name=NameNodeStatus", "    \"State\" : \"" + state + "\",\n    \"NNRole\" : \"NameNode\"");
    }

    /** @return NameNodeInfo with the data node 127.0.0.1:9003 in {@code adminState} */
    private static String nameNodeInfo(String adminState) {
        return bean("Hadoop:service=NameNode,name=NameNodeInfo", "    \"LiveNodes\" : \"{\\\"127.0.0.9:9003\\\":{\\\"infoAddr\\\":"
                + "\\\"127.0.0.9:9004\\\",\\\"adminState\\\":\\\"In Service\\\"},\\\"127.0.0.1:9003\\\":{\\\"infoAddr\\\":"
                + "\\\"127.0.0.1:9004\\\",\\\"adminState\\\":\\\"" + adminState + "\\\",\\\"numBlocks\\\":3}}\"");
    }

    private void nameNode(HttpServer server, String haState, Function<Integer, String> adminState) {
        AtomicInteger asked = new AtomicInteger();
        beans.put(server, bean -> bean.endsWith("NameNodeStatus") ? nameNodeStatus(haState)
                : nameNodeInfo(adminState.apply(asked.incrementAndGet())));
    }

    /** Renders hdfs-node.sh into the sandbox with a task's environment; a fake JDK runs {@code java}. */
    private Path script(String java) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("HADOOP_JAVA_HOME", Fixtures.fakeJdk(dir, "echo \"$@\" >> '" + javaArgs + "'\n" + java).toString());
        env.put("HADOOP_LIB", "/lib/hadoop");
        env.put("HADOOP_WEBAPPS", "/lib/webapps");
        env.put("HEAP", "128m");
        env.put("STRATUM_AGENT_ADDRESS", "127.0.0.1");
        env.put("NAMESERVICE", "hdfs");
        env.put("FRAMEWORK_NAME", "hdfs");
        env.put("TASK_NAME", "data-0-decommission");
        env.put("NAME_0_HOST", "127.0.0.1");
        env.put("NAME_0_PORT_NAME_HTTP", String.valueOf(nameNode0.getAddress().getPort()));
        env.put("NAME_1_HOST", "127.0.0.1");
        env.put("NAME_1_PORT_NAME_HTTP", String.valueOf(nameNode1.getAddress().getPort()));
        env.put("HOSTS_DIR", dir.resolve("hosts").toString());
        env.put("DECOMMISSION_TIMEOUT_S", "30");
        String template = Files.readString(Path.of("conf/hdfs-node.sh"));
        Path script = sandbox.resolve("hdfs-node.sh");
        Files.writeString(script, Fixtures.render(new ConfigSpec("node-script", "conf/hdfs-node.sh", "hdfs-node.sh", template), env));
        return script;
    }

    private record Run(int exit, String output) {}

    private Run run(Path script, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        builder.redirectErrorStream(true);
        builder.directory(dir.toFile());
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("hdfs-node.sh " + List.of(args) + " did not end in 60 s");
        }
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private Map<String, String> port(String name, HttpServer server) {
        return Map.of(name, String.valueOf(server.getAddress().getPort()));
    }

    @Test
    void aNameNodeIsReadyWhenActiveOrStandby() throws Exception {
        Path script = script("exit 0");
        beans.put(nameNode0, bean -> nameNodeStatus("standby"));
        assertThat(run(script, port("PORT_NAME_HTTP", nameNode0), "probe-name")).isEqualTo(new Run(0, "name node standby\n"));
        beans.put(nameNode0, bean -> nameNodeStatus("active"));
        assertThat(run(script, port("PORT_NAME_HTTP", nameNode0), "probe-name").exit()).isZero();
        beans.put(nameNode0, bean -> nameNodeStatus("initializing"));
        assertThat(run(script, port("PORT_NAME_HTTP", nameNode0), "probe-name"))
                .isEqualTo(new Run(1, "not ready: the name node is 'initializing', not active or standby\n"));
    }

    @Test
    void aDaemonThatDoesNotAnswerIsNotReady() throws Exception {
        Path script = script("exit 0");
        int closed = nameNode1.getAddress().getPort();
        nameNode1.stop(0);

        Run run = run(script, Map.of("PORT_NAME_HTTP", String.valueOf(closed)), "probe-name");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).contains("not ready: no answer on 127.0.0.1:" + closed + " yet");
    }

    @Test
    void aDataNodeIsReadyOnceRegisteredWithBothNameNodes() throws Exception {
        Path script = script("exit 0");
        String actor = "{\\\"NamenodeAddress\\\":\\\"127.0.0.%d:9001\\\",\\\"ActorState\\\":\\\"%s\\\",\\\"LastHeartbeat\\\":\\\"1\\\"}";
        beans.put(nameNode0, bean -> bean("Hadoop:service=DataNode,name=DataNodeInfo", "    \"BPServiceActorInfo\" : \"["
                + actor.formatted(2, "RUNNING") + "," + actor.formatted(3, "CONNECTING") + "]\""));
        assertThat(run(script, port("PORT_DATA_HTTP", nameNode0), "probe-data"))
                .isEqualTo(new Run(1, "not ready: registered with 1 of the 2 name nodes\n"));

        beans.put(nameNode0, bean -> bean("Hadoop:service=DataNode,name=DataNodeInfo", "    \"BPServiceActorInfo\" : \"["
                + actor.formatted(2, "RUNNING") + "," + actor.formatted(3, "RUNNING") + "]\""));
        assertThat(run(script, port("PORT_DATA_HTTP", nameNode0), "probe-data").exit()).isZero();
    }

    @Test
    void aJournalNodeIsReadyWhenItServesItsBean() throws Exception {
        Path script = script("exit 0");
        assertThat(run(script, port("PORT_JOURNAL_HTTP", nameNode0), "probe-journal").exit()).isEqualTo(1);
        beans.put(nameNode0, bean -> bean("Hadoop:service=JournalNode,name=JournalNodeInfo", "    \"JournalsStatus\" : \"{}\""));
        assertThat(run(script, port("PORT_JOURNAL_HTTP", nameNode0), "probe-journal")).isEqualTo(new Run(0, "journal node up\n"));
    }

    @Test
    void theDecommissionExcludesTheNodeRefreshesAndWaitsForTheActiveNameNode() throws Exception {
        Path script = script("exit 0");
        nameNode(nameNode0, "standby", asked -> "Decommission In Progress");
        nameNode(nameNode1, "active", asked -> asked < 3 ? "Decommission In Progress" : "Decommissioned");

        Run run = run(script, Map.of("PORT_DATA_RPC", "9003"), "decommission");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("data-0-decommission: 127.0.0.1:9003 decommissioned:")
                .contains("=standby Decommission In Progress").contains("=active Decommissioned");
        assertThat(Files.readAllLines(dir.resolve("hosts/dfs.exclude"))).containsExactly("127.0.0.1:9003");
        assertThat(Files.readString(javaArgs)).contains("-cp " + sandbox + "/etc/hadoop:/lib/hadoop/* "
                + "org.apache.hadoop.hdfs.tools.DFSAdmin -refreshNodes");
    }

    @Test
    void aDecommissionThatDoesNotEndInTimeFailsSayingWhereItStands() throws Exception {
        Path script = script("exit 0");
        Files.writeString(script, Files.readString(script).replace("DECOMMISSION_TIMEOUT_S='30'", "DECOMMISSION_TIMEOUT_S='1'"));
        nameNode(nameNode0, "active", asked -> "Decommission In Progress");
        nameNode(nameNode1, "standby", asked -> "Decommission In Progress");

        Run run = run(script, Map.of("PORT_DATA_RPC", "9003"), "decommission");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).contains("127.0.0.1:9003 not decommissioned after 1s:")
                .contains("=active Decommission In Progress");
    }

    @Test
    void formatAndBootstrapLeaveAVolumeWithANamespaceAlone() throws Exception {
        Path script = script("exit 0");
        Files.createDirectories(sandbox.resolve("name-data/current"));
        Files.writeString(sandbox.resolve("name-data/current/VERSION"), "namespaceID=1\n");

        assertThat(run(script, Map.of(), "format").output()).contains("name-data holds a namespace already; not formatting");
        assertThat(run(script, Map.of(), "bootstrap").exit()).isZero();
        assertThat(javaArgs).doesNotExist();
    }

    @Test
    void theFirstFormatFormatsTheNamespaceNonInteractively() throws Exception {
        Path script = script("exit 0");

        assertThat(run(script, Map.of(), "format").exit()).isZero();
        assertThat(Files.readString(javaArgs)).contains("-Xms128m -Xmx128m").contains("-cp " + sandbox + "/etc/hadoop:"
                + "/lib/webapps:/lib/hadoop/* org.apache.hadoop.hdfs.server.namenode.NameNode -Ddfs.namenode.name.dir=file://"
                + sandbox + "/name-data -format -nonInteractive -clusterid hdfs");
    }

    @Test
    void formattingTheZkfcsNodeAgainSucceedsAndOtherFailuresFail() throws Exception {
        assertThat(run(script("exit 2"), Map.of(), "zkfc-format"))
                .satisfies(r -> assertThat(r.exit()).isZero())
                .satisfies(r -> assertThat(r.output()).contains("the ZKFCs' node exists already in ZooKeeper"));
        assertThat(run(script("exit 6"), Map.of(), "zkfc-format").exit()).isEqualTo(6);
    }

    @Test
    void theDaemonsRunOnTheirClasspathWithTheirDataOnThePodVolume() throws Exception {
        Path script = script("exit 0");

        run(script, Map.of(), "journal");
        run(script, Map.of(), "zkfc");
        assertThat(Files.readAllLines(javaArgs)).satisfiesExactly(
                journal -> assertThat(journal).contains("org.apache.hadoop.hdfs.qjournal.server.JournalNode"
                        + " -Ddfs.journalnode.edits.dir=" + sandbox + "/journal-data"),
                zkfc -> assertThat(zkfc).endsWith("org.apache.hadoop.hdfs.tools.DFSZKFailoverController"));
    }
}
