package io.stratum.sdk.scheduler;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stratum.sdk.plan.Plan;
import io.stratum.sdk.plan.PlanProgress;
import io.stratum.sdk.plan.Status;
import io.stratum.sdk.state.PlanStore;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Plan progress as stored: read once at start, written whenever a plan's progress changed, so a
 * restarted scheduler resumes exactly where it was. Owned by the scheduler loop.
 */
final class ProgressBook {
    private static final System.Logger LOG = System.getLogger(ProgressBook.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PlanStore store;
    private final Map<String, PlanProgress> saved = new HashMap<>();

    ProgressBook(PlanStore store) {
        this.store = store;
    }

    void load() {
        saved.clear();
        store.fetchAll().forEach((name, bytes) -> {
            try {
                saved.put(name, JSON.readValue(bytes, PlanProgress.class));
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "ignoring unreadable progress of plan " + name + ": " + e.getMessage());
            }
        });
    }

    Map<String, PlanProgress> saved() {
        return saved;
    }

    /** Forgets saved progress (a new target rebuilds the plan from what runs). */
    void forget(String plan) {
        saved.remove(plan);
    }

    /** @return whether {@code plan} had finished every step when last saved */
    boolean wasComplete(String plan) {
        PlanProgress progress = saved.get(plan);
        return progress != null && progress.phases().values().stream()
                .allMatch(phase -> phase.steps().values().stream().allMatch(s -> s.status() == Status.COMPLETE));
    }

    /** Stores the progress of every plan that changed since it was last stored. */
    void persist(Collection<Plan> plans) {
        for (Plan plan : plans) {
            PlanProgress progress = plan.progress();
            PlanProgress last = saved.get(plan.name());
            if (progress == last) {
                continue; // a plan returns the same progress object until it changes: nothing to compare
            }
            if (!progress.equals(last)) {
                store.storeJson(plan.name(), progress);
            }
            saved.put(plan.name(), progress);
        }
    }
}
