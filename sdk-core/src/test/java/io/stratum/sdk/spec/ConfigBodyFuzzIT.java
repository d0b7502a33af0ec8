package io.stratum.sdk.spec;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Jazzer fuzzes a config update's JSON body through what {@code PUT /v1/configurations/target}
 * does with it ({@code SpecJsonReader}, then {@link SpecValidator}): the only outcomes are a valid
 * spec or problems located by their path, without Java names ({@link SpecOracle}). Seeds: the
 * example and DC/OS hello-world specs as JSON.
 *
 * <p>The build's {@code fuzz} failsafe execution fuzzes it for {@code maxDuration}; longer with
 * {@code -Djazzer.max_duration=10m} (README, testing).
 */
class ConfigBodyFuzzIT {
    static Stream<Named<byte[]>> bodies() {
        return SpecOracle.specBodies();
    }

    @DictionaryEntries({"\"name\":", "\"pods\":", "\"tasks\":", "\"plans\":", "\"phases\":", "\"steps\":",
            "\"count\":", "\"cpus\":", "\"memory\":", "\"cmd\":", "\"goal\":", "\"volumes\":", "\"path\":",
            "\"type\":", "\"size\":", "\"ports\":", "\"port\":", "\"placement\":", "\"strategy\":", "\"pod\":",
            "\"kind\":", "\"interval\":", "\"lastRefused\":", "\"RUNNING\"", "\"ONCE\"", "\"ROOT\"", "\"MOUNT\"",
            "\"serial\"", "\"parallel\"", "null", "true", "false", "[]", "{}", "-1", "0", "1e309", "-0.5",
            "9223372036854775808", "\"\"", ",", ":"})
    @MethodSource("bodies")
    @FuzzTest(maxDuration = "5s")
    void configBodies(byte[] input) {
        SpecOracle.read(new String(input, StandardCharsets.UTF_8));
    }
}
