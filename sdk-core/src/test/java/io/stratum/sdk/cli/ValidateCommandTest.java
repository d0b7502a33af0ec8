package io.stratum.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    private static final String VALID = """
            name: {{NAME}}
            pods:
              web:
                count: {{COUNT}}
                tasks:
                  server:
                    cmd: sleep 1000
                    cpus: 0.1
                    memory: 32
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void aValidSpecExitsZeroAndSaysSo() throws IOException {
        Path spec = write("svc.yml", VALID);

        CliRun run = CliRun.of("validate", spec.toString(), "--env", "NAME=web-app", "--env", "COUNT=2");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("valid (service 'web-app', 1 pod type(s), 1 task(s), 0 plan(s))");
    }

    @Test
    void anInvalidSpecExitsTwoAndPrintsEveryProblemOneALineWithFileLineAndColumn() throws IOException {
        Path spec = write("svc.yml", VALID.replace("cpus: 0.1", "cpus: -1").replace("memory: 32", "memroy: 32"));

        CliRun run = CliRun.of("validate", spec.toString(), "--env", "NAME=web-app", "--env", "COUNT=2");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out().lines()).containsExactly(
                spec + ":8:9: pods.web.tasks.server.cpus: must be greater than 0, got -1",
                spec + ":9:9: pods.web.tasks.server.memroy: unknown field 'memroy' (did you mean 'memory'?)");
        assertThat(run.err()).doesNotContain("Exception").contains("2 problem(s)");
    }

    @Test
    void everyMissingTemplateVariableIsReportedWithItsLineAndColumn() throws IOException {
        Path spec = write("svc.yml", VALID);

        CliRun run = CliRun.of("validate", spec.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out().lines()).containsExactly(
                spec + ":1:7: missing template variable 'NAME': the environment the spec is rendered with has no NAME",
                spec + ":4:12: missing template variable 'COUNT': the environment the spec is rendered with has no COUNT");
        assertThat(run.err()).contains("hint: give template variables with --env NAME=VALUE or in an --env-file FILE");
    }

    @Test
    void envFileValuesApplyAndEnvFlagsOverrideThem() throws IOException {
        Path spec = write("svc.yml", VALID);
        Path envFile = write("env", "# comment\n\nexport NAME=\"from-file\"\nCOUNT=1\n");

        CliRun run = CliRun.of("validate", spec.toString(), "--env-file", envFile.toString(), "--env", "COUNT=3");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("service 'from-file'");
    }

    @Test
    void aBadEnvFileLineIsABadInputNamingFileAndLine() throws IOException {
        Path spec = write("svc.yml", VALID);
        Path envFile = write("env", "NAME=x\nthis line is wrong\n");

        CliRun run = CliRun.of("validate", spec.toString(), "--env-file", envFile.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(envFile + ":2: expected K=V, got 'this line is wrong'");
    }

    @Test
    void aMalformedEnvFlagNamesTheParameter() throws IOException {
        CliRun run = CliRun.of("validate", write("svc.yml", VALID).toString(), "--env", "NOEQUALS");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--env: expected K=V, got 'NOEQUALS'");
    }

    @Test
    void aMissingSpecFileIsABadInputWithoutAStackTrace() {
        CliRun run = CliRun.of("validate", dir.resolve("nope.yml").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("SPEC: cannot read").contains("no such file").doesNotContain("at io.");
    }

    @Test
    void aDirectoryIsNotASpec() {
        CliRun run = CliRun.of("validate", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("is a directory");
    }

    @Test
    void unknownCommandsAndMissingArgumentsAreBadInput() {
        assertThat(CliRun.of("bogus").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("validate").exitCode()).isEqualTo(2);
        assertThat(CliRun.of().exitCode()).isEqualTo(2);
    }
}
