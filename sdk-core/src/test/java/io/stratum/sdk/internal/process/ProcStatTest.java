package io.stratum.sdk.internal.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatTest {

    @Test
    void aCommandNameWithSpacesAndParenthesesIsSkipped() {
        String line = "4242 (my (odd) name) S 1 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 98765 1000 10";

        ProcStat stat = ProcStat.parse(4242, line).orElseThrow();

        assertThat(stat).isEqualTo(new ProcStat(4242, 'S', 1, 4242, 4242, 98765));
        assertThat(stat.isLiving()).isTrue();
    }

    @Test
    void aZombieIsNotLiving() {
        String line = "7 (sleep) Z 1 7 7 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 555 0 0";

        assertThat(ProcStat.parse(7, line).orElseThrow().isLiving()).isFalse();
    }

    @Test
    void theJvmItselfCanBeRead() {
        ProcStat self = ProcStat.read(ProcessHandle.current().pid()).orElseThrow();

        assertThat(self.isLiving()).isTrue();
        assertThat(self.startTicks()).isPositive();
    }
}
