package io.stratum.sdk.state;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The progress of each plan, so that a restarted scheduler resumes exactly where it was instead of
 * rebuilding progress from task states. The plan engine decides what a progress document holds;
 * this store keeps one per plan name, as bytes or as JSON of any Jackson-serialisable type (records
 * work; {@link java.time.Instant}s are ISO-8601 text).
 *
 * <p>Kept under {@code /plans/<plan-name>}. Stateless and thread-safe; failures are
 * {@link PersisterException}s.
 */
public final class PlanStore {
    static final String PLANS = "/plans";

    private final KeyedArea plans;

    private PlanStore(Persister persister) {
        this.plans = new KeyedArea(persister, PLANS);
    }

    /** @return the plan store over {@code persister} */
    public static PlanStore of(Persister persister) {
        return new PlanStore(Objects.requireNonNull(persister, "persister"));
    }

    /** Stores the progress of plan {@code planName}, replacing what was there. */
    public void store(String planName, byte[] progress) {
        plans.set(planName, Objects.requireNonNull(progress, "progress"));
    }

    /** @return the stored progress of {@code planName} */
    public Optional<byte[]> fetch(String planName) {
        return plans.get(planName);
    }

    /** Stores {@code progress} as JSON. */
    public void storeJson(String planName, Object progress) {
        store(planName, StateJson.write(Objects.requireNonNull(progress, "progress")));
    }

    /**
     * @return the progress of {@code planName} read as a {@code type}
     * @throws PersisterException {@link PersisterException.Reason#CORRUPT} if it is not one
     */
    public <T> Optional<T> fetchJson(String planName, Class<T> type) {
        return plans.get(planName).map(json -> StateJson.read(json, type, plans.path(planName)));
    }

    /** @return every plan's progress, by plan name, read at once */
    public Map<String, byte[]> fetchAll() {
        return plans.values();
    }

    /** @return the names of the plans with stored progress */
    public List<String> planNames() {
        return plans.keys().stream().sorted().toList();
    }

    /** @return whether {@code planName} had progress, now deleted */
    public boolean delete(String planName) {
        return plans.delete(planName);
    }
}
