package io.stratum.sdk.internal.state;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The progress of each plan, so that a restarted scheduler resumes exactly where it was instead of
 * rebuilding progress from task states. The plan engine decides what a progress document holds;
 * this store keeps one per plan name, as bytes or as JSON of any Jackson-serialisable type (records
 * work; {@link java.time.Instant}s are ISO-8601 text).
 *
 * <p>Progress may also be kept in parts ({@link #storeParts}): a header and named parts, so that a
 * plan of thousands of steps rewrites only the part a change touched.
 *
 * <p>Kept under {@code /plans/<plan-name>}, its parts below it. Stateless and thread-safe; failures
 * are {@link PersisterException}s.
 */
public final class PlanStore extends KeyedStore {
    private PlanStore(Persister persister) {
        super(persister, "/plans");
    }

    /** @return the plan store over {@code persister}: keys are plan names */
    public static PlanStore of(Persister persister) {
        return new PlanStore(persister);
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
        return area.get(planName).map(json -> StateJson.read(json, type, area.path(planName)));
    }

    /** @return every plan's progress, by plan name, read at once */
    public Map<String, byte[]> fetchAll() {
        return area.values();
    }

    /**
     * Stores a plan's progress as a header and parts: the given parts are set, those in
     * {@code removed} deleted, the others kept. Up to {@code partsPerTransaction} parts go in one
     * transaction, the header with the last of them, so that a store that refuses one large
     * transaction is written in several (each part whole; a reader may then see some parts newer
     * than the header, never a part half written).
     */
    public void storeParts(String planName, byte[] header, Map<String, byte[]> parts, Collection<String> removed,
            int partsPerTransaction) {
        Objects.requireNonNull(header, "header");
        if (partsPerTransaction < 1) {
            throw new IllegalArgumentException("partsPerTransaction must be at least 1");
        }
        String base = area.path(planName);
        Batch.Builder batch = Batch.builder();
        int inBatch = 0;
        for (Map.Entry<String, byte[]> part : parts.entrySet()) {
            if (inBatch == partsPerTransaction) {
                area.apply(batch.build());
                batch = Batch.builder();
                inBatch = 0;
            }
            batch.set(base + "/" + SegmentCodec.encode(part.getKey()), part.getValue());
            inBatch++;
        }
        for (String part : removed) {
            String path = base + "/" + SegmentCodec.encode(part);
            if (area.exists(path)) {
                batch.delete(path);
            }
        }
        batch.set(base, header);
        area.apply(batch.build());
    }

    /** @return the parts of {@code planName}'s progress, by part name */
    public Map<String, byte[]> fetchParts(String planName) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        area.childValues(area.path(planName)).forEach((segment, value) -> out.put(SegmentCodec.decode(segment), value));
        return out;
    }

}
