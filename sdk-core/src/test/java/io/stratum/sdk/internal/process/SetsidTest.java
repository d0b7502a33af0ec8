package io.stratum.sdk.internal.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SetsidTest {

    @Test
    void setsidIsFoundEvenWithoutAPath() {
        Setsid setsid = Setsid.locate(Map.of());

        assertThat(setsid.executable()).isAbsolute();
        assertThat(Files.isExecutable(setsid.executable())).isTrue();
        assertThat(setsid.wrap(List.of("/bin/sh", "-c", "true")))
                .containsExactly(setsid.executable().toString(), "/bin/sh", "-c", "true");
    }
}
