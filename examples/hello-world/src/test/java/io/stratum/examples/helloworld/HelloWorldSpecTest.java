package io.stratum.examples.helloworld;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.sdk.spec.Goal;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.Strategy;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HelloWorldSpecTest {
    private static final Path SPEC = Path.of("svc.yml");

    @Test
    void helloWorldSpecLoadsWithoutAnyEnvironment() throws Exception {
        ServiceSpec spec = ServiceSpec.load(SPEC, Map.of());

        assertThat(spec.name()).isEqualTo("hello-world");
        assertThat(spec.pods()).containsOnlyKeys("hello", "world");
        assertThat(spec.pod("world").count()).isEqualTo(2);
        assertThat(spec.pod("hello").task("server").goal()).isEqualTo(Goal.RUNNING);
    }

    @Test
    void helloWorldHasAVolumeAHealthCheckAReadinessCheckAndASerialThenParallelPlan() throws Exception {
        ServiceSpec spec = ServiceSpec.load(SPEC, Map.of());

        assertThat(spec.pod("hello").task("server").volumes()).isNotEmpty();
        assertThat(spec.pod("hello").task("server").healthCheck()).isNotNull();
        assertThat(spec.pod("world").task("server").readinessCheck()).isNotNull();
        var deploy = spec.plans().get("deploy");
        assertThat(deploy.strategy()).isEqualTo(Strategy.SERIAL);
        assertThat(deploy.phases().values()).extracting(p -> p.strategy())
                .containsExactly(Strategy.SERIAL, Strategy.PARALLEL);
    }
}
