package io.stratum.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.service.RunOptions;
import io.stratum.sdk.service.Service;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.SpecLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code stratum run} refuses bad flags before it starts anything, naming the flag. */
class RunCommandTest {
    private static final String SPEC = Path.of("..", "examples", "hello-world", "svc.yml").toString();

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--api-port|70000|--api-port: must be 0-65535, got 70000",
        "--agents|0|--agents: must be 1-200, got 0",
        "--zookeeper|zk-1|--zookeeper: expected HOST:PORT[,HOST:PORT...] with ports 1-65535, got 'zk-1'",
        "--mesos|http://a b|--mesos: expected http://HOST:PORT, HOST:PORT or zk://HOST:PORT/PATH, got 'http://a b'",
        "--api-host|my host|--api-host: expected an address of this machine, got 'my host'",
        "--api-url|ftp://scheduler:8080|--api-url: expected http://HOST:PORT, got 'ftp://scheduler:8080'",
        "--mesos-failover-timeout|2 days|--mesos-failover-timeout: expected a number with s, m, h, d or w (e.g. 1w), got '2 days'",
        "--mesos-failover-timeout|0h|--mesos-failover-timeout: must be at least 1s, got '0h'",
        "--api-url|http://sched uler|--api-url: not a URL: 'http://sched uler' (",
        "--mount-disks|2x2048|--mount-disks: expected N:SIZE_MB (e.g. 2:2048), got '2x2048'",
        "--mount-disks|65:10|--mount-disks: expected 0-64 disks of more than 0 MB, got '65:10'",
        "--mount-disks|1:0|--mount-disks: expected 0-64 disks of more than 0 MB, got '1:0'",
        "--gpus|1.5|--gpus: expected a whole number from 0 to 1000, got '1.5'",
        "--gpus|-1|--gpus: expected a whole number from 0 to 1000, got '-1'",
        "--pre-reserved|analytics:1:1024|--pre-reserved: expected ROLE:CPUS:MEM_MB:DISK_MB (e.g. analytics:1:1024:2048), got 'analytics:1:1024'",
        "--pre-reserved|*:1:1:1|--pre-reserved: expected ROLE:CPUS:MEM_MB:DISK_MB",
        "--pre-reserved|analytics:0:0:0|--pre-reserved: role analytics must reserve some cpus, memory or disk",
        "--pre-reserved|analytics:100000:0:0|--pre-reserved: pre-reserved roles analytics take 100000 cpus but each agent has only",
        "--zones|''|--zones: expected ZONE[,ZONE...] (e.g. us-east-1a,us-east-1b), got ''",
        "--zones|a,,b|--zones: an empty zone name in 'a,,b'",
        "--zones|a,|--zones: an empty zone name in 'a,'",
        "--zones|a,b,a|--zones: zone a is given twice",
        "--zones|us east|--zones: expected names of letters, digits, '.', '_' and '-' (at most 63), got 'us east'",
        "--zones|a:b|--zones: expected names of letters, digits, '.', '_' and '-' (at most 63), got 'a:b'",
        "--region|eu|--region: needs --zones (it is the region of the local agents' zones)",
    })
    void aBadFlagIsABadInputNamingIt(String flag, String value, String message) throws Exception {
        Path work = dir.resolve("work");

        CliRun run = CliRun.of("run", SPEC, "--work-dir", work.toString(), flag, value);

        assertThat(run.exitCode()).isEqualTo(StratumCli.BAD_INPUT);
        assertThat(run.err()).contains(message);
        assertThat(Files.exists(work)).as("nothing started").isFalse();
    }

    @org.junit.jupiter.api.Test
    void aRoleGivenTwiceToPreReservedIsABadInput() throws Exception {
        Path work = dir.resolve("work");

        CliRun run = CliRun.of("run", SPEC, "--work-dir", work.toString(), "--pre-reserved", "a:1:0:0",
                "--pre-reserved", "a:0:1:0");

        assertThat(run.exitCode()).isEqualTo(StratumCli.BAD_INPUT);
        assertThat(run.err()).contains("--pre-reserved: role a is given twice");
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(Files.exists(work)).as("nothing started").isFalse();
    }

    @org.junit.jupiter.api.Test
    void zonesAreForLocalAgentsInARegionOfTheirOwnOrLocal() throws Exception {
        ServiceSpec spec = SpecLoader.builder().build().load(Path.of(SPEC));

        assertThat(options(spec).local().zones()).isEmpty();
        assertThat(options(spec, "--zones", "us-east-1a,us-east-1b,us-east-1c").local())
                .satisfies(local -> assertThat(local.zones()).containsExactly("us-east-1a", "us-east-1b", "us-east-1c"))
                .satisfies(local -> assertThat(local.region()).isEqualTo("local"));
        assertThat(options(spec, "--zones", "a", "--region", "us-east-1").local().region()).isEqualTo("us-east-1");
    }

    @org.junit.jupiter.api.Test
    void zonesAreRefusedWithMesosAndABadRegionIsNamed() throws Exception {
        Path work = dir.resolve("work");

        CliRun mesos = CliRun.of("run", SPEC, "--work-dir", work.toString(), "--zones", "a,b", "--mesos", "http://master:5050");
        CliRun region = CliRun.of("run", SPEC, "--work-dir", work.toString(), "--zones", "a,b", "--region", "eu west");

        assertThat(mesos.exitCode()).isEqualTo(StratumCli.BAD_INPUT);
        assertThat(mesos.err().lines()).singleElement().asString().startsWith("stratum run: --zones: the local agents' zones do"
                + " not apply on Mesos, where each agent's zone is its fault domain");
        assertThat(region.exitCode()).isEqualTo(StratumCli.BAD_INPUT);
        assertThat(region.err().lines()).singleElement().asString()
                .startsWith("stratum run: --region: expected a name of letters, digits, '.', '_' and '-' (at most 63), got 'eu west'");
        assertThat(work).as("nothing started").doesNotExist();
    }

    private RunOptions options(ServiceSpec spec, String... args) {
        RunCommand.Flags flags = new RunCommand.Flags();
        new CommandLine(flags).parseArgs(args);
        flags.workDir = dir.resolve("work");
        return flags.options(spec, Map.of());
    }

    @org.junit.jupiter.api.Test
    void theServersTokenComesFromTheFlagAFileOrTheEnvironment() throws Exception {
        ServiceSpec spec = SpecLoader.builder().build().load(Path.of(SPEC));
        Path file = Files.writeString(dir.resolve("token"), "  from-file\n");

        assertThat(token(spec, Map.of())).isNull();
        assertThat(token(spec, Map.of("STRATUM_API_TOKEN", "from-env"))).isEqualTo("from-env");
        assertThat(token(spec, Map.of("STRATUM_API_TOKEN", "from-env"), "--api-token-file", file.toString()))
                .isEqualTo("from-file");
        assertThat(token(spec, Map.of("STRATUM_API_TOKEN", "from-env"), "--api-token", "from-flag")).isEqualTo("from-flag");
    }

    private String token(ServiceSpec spec, Map<String, String> env, String... args) {
        RunCommand.Flags flags = new RunCommand.Flags();
        new CommandLine(flags).parseArgs(args);
        flags.workDir = dir.resolve("work");
        return flags.options(spec, env).apiToken();
    }

    @org.junit.jupiter.api.Test
    void aFrameworksMainExplainsBadFlagsInOneLineAndHelps() throws Exception {
        Service service = Service.builder(SpecLoader.builder().build().load(Path.of(SPEC))).build();
        Path work = dir.resolve("work");

        for (String[] args : new String[][] {{"--no-such-flag"}, {"--api-port", "abc"}, {"--mesos", "notaurl"},
            {"--work-dir", SPEC}, {"--api-token-file", dir.resolve("none").toString()}, {"extra"}}) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            String[] all = args[0].equals("--work-dir") ? args : concat(args, "--work-dir", work.toString());

            int code = RunCommand.runService(service, Map.of(), new PrintWriter(out), new PrintWriter(err), all);

            assertThat(code).as("%s: %s", List.of(all), err).isEqualTo(StratumCli.BAD_INPUT);
            assertThat(err.toString().lines()).as("%s", List.of(all)).hasSize(1)
                    .allMatch(line -> line.startsWith("hello-world: ") && line.endsWith("(see 'hello-world --help')"));
            CliBadInputTest.assertNothingOfJava(err.toString());
            assertThat(work).as("nothing started").doesNotExist();
        }
        StringWriter launched = new StringWriter();
        assertThat(RunCommand.runService(service, Map.of(), new PrintWriter(new StringWriter()), new PrintWriter(launched),
                "run", "--no-such-flag")).as("the launcher's command word is the command").isEqualTo(StratumCli.BAD_INPUT);
        assertThat(launched.toString()).startsWith("hello-world: unknown option '--no-such-flag'");
        StringWriter help = new StringWriter();
        assertThat(RunCommand.runService(service, Map.of(), new PrintWriter(help), new PrintWriter(new StringWriter()),
                "--help")).isZero();
        assertThat(help.toString()).startsWith("Usage: hello-world").contains("--api-token-file");
    }

    private static String[] concat(String[] first, String... rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }

    @org.junit.jupiter.api.Test
    void aFrameworkGivenItsSpecRendersItWithEnvAndReportsItsProblemsLikeValidate() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("my-framework"));
        Path spec = Files.writeString(folder.resolve("svc.yml"), Files.readString(Path.of(SPEC))
                .replace("count: 1", "count: {{HELLO_COUNT}}"));
        List<Map<String, String>> seen = new ArrayList<>();
        StratumCli.ServiceFactory framework = (file, env) -> {
            seen.add(Map.of("spec", file.toString(), "count", env.getOrDefault("HELLO_COUNT", "")));
            return Service.builder(SpecLoader.builder().withEnv(env).build().load(file)).build();
        };
        Path work = dir.resolve("work");

        StringWriter err = new StringWriter();
        int missing = FrameworkCli.run(spec, framework, StratumCli.ComputedEnv.NONE, Map.of(), null, new PrintWriter(new StringWriter()),
                new PrintWriter(err), "--work-dir", work.toString());
        assertThat(missing).isEqualTo(StratumCli.BAD_INPUT);
        assertThat(err.toString()).contains("missing template variable").contains("hint: give template variables with --env");
        CliBadInputTest.assertNothingOfJava(err.toString());

        StringWriter refused = new StringWriter();
        int code = FrameworkCli.run(spec, framework, StratumCli.ComputedEnv.NONE, Map.of("HELLO_COUNT", "5"), null, new PrintWriter(new StringWriter()),
                new PrintWriter(refused), "--env", "HELLO_COUNT=2", "--mesos", "notaurl", "--work-dir", work.toString());
        assertThat(code).isEqualTo(StratumCli.BAD_INPUT);
        assertThat(seen).last().isEqualTo(Map.of("spec", spec.toString(), "count", "2"));
        assertThat(refused.toString().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("my-framework: --mesos: expected").endsWith("(see 'my-framework --help')"));

        Path other = Files.writeString(dir.resolve("other.yml"), Files.readString(spec));
        FrameworkCli.run(spec, framework, StratumCli.ComputedEnv.NONE, Map.of(), null, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), other.toString(), "--env", "HELLO_COUNT=1", "--mesos", "notaurl");
        assertThat(seen).last().isEqualTo(Map.of("spec", other.toString(), "count", "1"));

        StringWriter notAFile = new StringWriter();
        assertThat(FrameworkCli.run(spec, framework, StratumCli.ComputedEnv.NONE, Map.of(), null, new PrintWriter(new StringWriter()),
                new PrintWriter(notAFile), dir.toString())).isEqualTo(StratumCli.BAD_INPUT);
        assertThat(notAFile.toString().lines()).singleElement().satisfies(line -> assertThat(line).contains("SPEC"));
        assertThat(work).as("nothing started").doesNotExist();

        StringWriter help = new StringWriter();
        assertThat(FrameworkCli.run(spec, framework, StratumCli.ComputedEnv.NONE, Map.of(), null, new PrintWriter(help),
                new PrintWriter(new StringWriter()), "run", "--help")).isZero();
        assertThat(help.toString()).startsWith("Usage: my-framework run").contains("[SPEC]").contains("--env")
                .contains("--api-token-file");
    }
}
