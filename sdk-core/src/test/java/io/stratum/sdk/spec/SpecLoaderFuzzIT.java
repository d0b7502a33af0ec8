package io.stratum.sdk.spec;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Jazzer fuzzes the spec loader on YAML template text (rendered with the DC/OS hello-world
 * scheduler's variables): the only outcomes are a valid spec, which the config update body carries
 * unchanged, or located problems without Java names ({@link SpecOracle}). Seeds: the example and
 * DC/OS hello-world specs, plus the inputs that once failed, under
 * {@code SpecLoaderFuzzITInputs/specTemplates} (test resources).
 *
 * <p>The build's {@code fuzz} failsafe execution fuzzes it for {@code maxDuration}; longer with
 * {@code -Djazzer.max_duration=10m} (README, testing). Without {@code JAZZER_FUZZ} it runs the
 * seeds only.
 */
class SpecLoaderFuzzIT {
    /** No config templates here: a template a spec names is a located problem, not a read elsewhere. */
    private static final Path NO_TEMPLATES = Path.of("target", "jazzer", "no-templates");

    static Stream<Named<byte[]>> specs() {
        return SpecOracle.specTexts();
    }

    @DictionaryEntries({"name: ", "pods:", "tasks:", "plans:", "phases:", "steps:", "scheduler:", "count: ",
            "cpus: ", "memory: ", "cmd: ", "goal: ", "volume:", "volumes:", "path: ", "type: ", "size: ",
            "ports:", "port: ", "placement: ", "strategy: ", "pod: ", "health-check:", "readiness-check:",
            "interval: ", "grace-period: ", "timeout: ", "resource-sets:", "resource-set: ", "env:",
            "configs:", "template: ", "dest: ", "uris:", "user: ", "discovery:", "vip:", "rlimits:",
            "pre-reserved-role: ", "allow-decommission: ", "share-pid-namespace: ", "essential: ",
            "RUNNING", "ONCE", "FINISH", "ROOT", "MOUNT", "serial", "parallel", "hostname:UNIQUE",
            "[[\"hostname\", \"UNIQUE\"]]", "{{", "}}", "{{#", "{{/", "{{^", "{{>", "&a ", "*a", "<<: ", "- ",
            "!!", "---", "~", "null", ".inf", "-1", "1e309", "99999999999", "\t"})
    @MethodSource("specs")
    @FuzzTest(maxDuration = "5s")
    void specTemplates(byte[] input) {
        SpecOracle.load(new String(input, StandardCharsets.UTF_8), SpecOracle.dcosEnv(), NO_TEMPLATES);
    }
}
