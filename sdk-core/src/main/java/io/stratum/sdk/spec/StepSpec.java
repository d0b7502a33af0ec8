package io.stratum.sdk.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * Custom steps for one pod instance, or for every instance without its own entry ({@code default}).
 * Spec syntax: {@code - 0: [[first], [second]]} or {@code - default: [[server, sidecar]]}: each
 * inner list is a step launching those tasks together; steps run in order. An empty list
 * ({@code - default: []}) gives those instances no step in the phase.
 *
 * @param podIndex the instance index, or null for {@code default}
 * @param tasks    for each step, the task names it launches; empty for no step
 */
public record StepSpec(Integer podIndex, List<List<String>> tasks) {
    public StepSpec {
        tasks = tasks == null ? List.of() : tasks.stream().map(List::copyOf).toList();
    }

    /** @return whether this entry applies to instances without their own entry */
    @JsonIgnore // derived from podIndex; not a stored field
    public boolean isDefault() {
        return podIndex == null;
    }
}
