package io.stratum.sdk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkDirLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondSchedulerCannotTakeAWorkDirInUseAndCanOnceItIsReleased() throws IOException {
        WorkDirLock first = WorkDirLock.acquire(dir);

        assertThatThrownBy(() -> WorkDirLock.acquire(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("is in use by another scheduler");

        first.close();
        try (WorkDirLock again = WorkDirLock.acquire(dir)) {
            assertThat(again).isNotNull();
        }
    }
}
