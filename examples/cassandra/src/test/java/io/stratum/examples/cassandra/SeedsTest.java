package io.stratum.examples.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SeedsTest {
    private static final List<String> FIVE = List.of("127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5", "127.0.0.6");

    @Test
    void theFirstThreeNodesByIndexAreTheSeeds() {
        assertThat(Seeds.of(FIVE, "127.0.0.5", Optional.empty())).isEqualTo("127.0.0.2,127.0.0.3,127.0.0.4");
    }

    @Test
    void aSeedStartingNormallyIsItsOwnSeed() {
        assertThat(Seeds.of(FIVE, "127.0.0.2", Optional.empty())).isEqualTo("127.0.0.2,127.0.0.3,127.0.0.4");
    }

    @Test
    void aRingOfOneSeedsItself() {
        assertThat(Seeds.of(List.of("127.0.0.2"), "127.0.0.2", Optional.empty())).isEqualTo("127.0.0.2");
    }

    @Test
    void aSeedReplacingAnotherIsNotItsOwnSeedSoItBootstraps() {
        List<String> afterReplace = List.of("127.0.0.2", "127.0.0.7", "127.0.0.4");

        assertThat(Seeds.of(afterReplace, "127.0.0.7", Optional.of("127.0.0.3"))).isEqualTo("127.0.0.2,127.0.0.4");
    }

    @Test
    void theReplacedAddressIsNeverASeed() {
        List<String> stale = List.of("127.0.0.2", "127.0.0.3", "127.0.0.4");

        assertThat(Seeds.of(stale, "127.0.0.7", Optional.of("127.0.0.3"))).isEqualTo("127.0.0.2,127.0.0.4");
    }
}
