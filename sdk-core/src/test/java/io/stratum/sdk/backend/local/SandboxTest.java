package io.stratum.sdk.backend.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxTest {
    @TempDir
    Path workDir;

    private AgentDirs agent;

    @BeforeEach
    void agent() throws Exception {
        agent = AgentDirs.of(workDir, "agent-1");
        Files.createDirectories(agent.volume("vol-1"));
    }

    @Test
    void aSandboxHasOutputFilesVolumesAndConfigs() throws Exception {
        Sandbox sandbox = Sandbox.create(agent, "task-1", Map.of("var/data", agent.volume("vol-1")),
                Map.of("conf/server.yml", "port: 9042\n"));

        assertThat(sandbox.dir()).isEqualTo(workDir.resolve("agents/agent-1/sandboxes/task-1").toAbsolutePath());
        assertThat(sandbox.stdout()).isEmptyFile();
        assertThat(sandbox.stderr()).isEmptyFile();
        assertThat(sandbox.dir().resolve("conf/server.yml")).hasContent("port: 9042");
        Path link = sandbox.dir().resolve("var/data");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("../../../volumes/vol-1"));
        assertThat(link.toRealPath()).isEqualTo(agent.volume("vol-1").toRealPath());
    }

    @Test
    void deletingASandboxKeepsTheVolumesData() throws Exception {
        Sandbox sandbox = Sandbox.create(agent, "task-1", Map.of("data", agent.volume("vol-1")), Map.of());
        Files.writeString(sandbox.dir().resolve("data/file"), "kept");

        sandbox.delete();

        assertThat(sandbox.dir()).doesNotExist();
        assertThat(agent.volume("vol-1").resolve("file")).hasContent("kept");
    }

    @Test
    void aTaskIdGetsOneSandbox() {
        Sandbox.create(agent, "task-1", Map.of(), Map.of());

        assertThatThrownBy(() -> Sandbox.create(agent, "task-1", Map.of(), Map.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("has a sandbox already");
    }

    @Test
    void pathsMustStayInsideTheSandbox() {
        assertThatThrownBy(() -> Sandbox.create(agent, "t1", Map.of("../escape", agent.volume("vol-1")), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inside the sandbox");
        assertThatThrownBy(() -> Sandbox.create(agent, "t2", Map.of(), Map.of("/etc/passwd", "x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sandbox.create(agent, "../t3", Map.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("task id");
    }

    @Test
    void aVolumeMustExist() {
        assertThatThrownBy(() -> Sandbox.create(agent, "task-1", Map.of("data", agent.volume("vol-2")), Map.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("vol-2 does not exist");
    }
}
