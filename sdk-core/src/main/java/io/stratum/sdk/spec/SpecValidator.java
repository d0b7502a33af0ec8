package io.stratum.sdk.spec;

import java.util.List;
import java.util.Objects;

/**
 * The one validation of a service spec, wherever it comes from: the field rules (Jakarta
 * Validation on the records: {@code cpus} greater than 0, {@code count} at most 10,000, ...), the
 * rules the YAML readers enforce (no blank {@code cmd}, names equal to their keys, ...) and the
 * cross-field rules (plans naming real pods and tasks, ports, paths inside the sandbox, ...).
 * {@link SpecLoader} runs it on every spec it reads, locating each problem in the file; the
 * scheduler runs it on every proposed target (a spec built in Java, a config update through the API
 * or the CLI, a target read back from the config store), so none reaches a target unchecked.
 *
 * <p>Stateless and thread-safe; it never throws on a spec, however it was built.
 */
public final class SpecValidator {
    private SpecValidator() {}

    /**
     * @return every problem of {@code spec}, each with its path in spec terms (for example
     *     {@code pods.hello.tasks.server.cpus}: {@code must be greater than 0, got -1}); empty when
     *     it is valid
     */
    public static List<SpecRule.Violation> validate(ServiceSpec spec) {
        Objects.requireNonNull(spec, "spec");
        Problems problems = new Problems("", LineMap.identity());
        check(spec, new Locations(), problems);
        return problems.inOrder().stream().map(p -> new SpecRule.Violation(p.path(), p.message())).toList();
    }

    /** Checks {@code spec}, reporting each problem at the location its path was read from. */
    static void check(ServiceSpec spec, Locations locations, Problems problems) {
        boolean sound = RecordRules.check(spec, locations, problems);
        FieldConstraints.check(spec, locations, problems);
        if (sound) {
            SpecRules.check(spec, locations, problems);
        }
    }
}
