package io.stratum.sdk.internal.http;

import io.stratum.sdk.internal.plan.Plan;
import java.util.Map;

/**
 * What the plans API needs from the scheduler: the current plans, and a hook called after every
 * operator action on one (so the scheduler persists its progress and revives offers if there is
 * new work). Implementations must be thread-safe.
 */
public interface PlanRegistry {
    /** @return the current plans by name, in display order */
    Map<String, Plan> plans();

    /** Called after an operator changed {@code plan} (start, stop, continue, ...). */
    void changed(Plan plan);
}
