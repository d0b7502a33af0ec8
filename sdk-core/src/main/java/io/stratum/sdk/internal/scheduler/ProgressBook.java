package io.stratum.sdk.internal.scheduler;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stratum.sdk.internal.plan.Plan;
import io.stratum.sdk.internal.plan.PlanProgress;
import io.stratum.sdk.internal.plan.PlanProgress.PhaseProgress;
import io.stratum.sdk.internal.plan.PlanProgress.StepProgress;
import io.stratum.sdk.plan.Status;
import io.stratum.sdk.internal.state.PlanStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plan progress as stored: read once at start, written whenever a plan's progress changed, so a
 * restarted scheduler resumes exactly where it was. A plan is stored as a header (its own and its
 * phases' flags) and parts of up to {@value #STEPS_PER_PART} steps each, named
 * {@code <phase index>.<part index>}: a change rewrites the header and the parts it touched, not
 * the whole plan (a plan of 10,000 steps is some 1.3 MB of JSON). A header that still holds its
 * steps (as written before parts existed) is read as it is. Owned by the scheduler loop.
 */
final class ProgressBook {
    static final int STEPS_PER_PART = 100;
    private static final int PARTS_PER_TRANSACTION = 8;
    private static final System.Logger LOG = System.getLogger(ProgressBook.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, StepProgress>> STEPS = new TypeReference<>() {};

    private final PlanStore store;
    private final Map<String, PlanProgress> saved = new HashMap<>();
    private final Map<String, Map<String, Map<String, StepProgress>>> savedParts = new HashMap<>();

    ProgressBook(PlanStore store) {
        this.store = store;
    }

    void load() {
        saved.clear();
        savedParts.clear();
        store.fetchAll().forEach((name, bytes) -> {
            try {
                Map<String, Map<String, StepProgress>> parts = new HashMap<>();
                for (Map.Entry<String, byte[]> part : store.fetchParts(name).entrySet()) {
                    parts.put(part.getKey(), JSON.readValue(part.getValue(), STEPS));
                }
                saved.put(name, join(JSON.readValue(bytes, PlanProgress.class), parts));
                savedParts.put(name, parts);
            } catch (IOException | IllegalArgumentException e) {
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
                write(plan.name(), progress);
            }
            saved.put(plan.name(), progress);
        }
    }

    private void write(String name, PlanProgress progress) {
        Map<String, Map<String, StepProgress>> parts = split(progress);
        Map<String, Map<String, StepProgress>> before = savedParts.getOrDefault(name, Map.of());
        Map<String, byte[]> changed = new LinkedHashMap<>();
        parts.forEach((part, steps) -> {
            if (!steps.equals(before.get(part))) {
                changed.put(part, bytes(steps));
            }
        });
        List<String> removed = before.keySet().stream().filter(part -> !parts.containsKey(part)).toList();
        store.storeParts(name, bytes(header(progress)), changed, removed, PARTS_PER_TRANSACTION);
        savedParts.put(name, parts);
    }

    /** @return the plan's steps in parts, by part name */
    static Map<String, Map<String, StepProgress>> split(PlanProgress progress) {
        Map<String, Map<String, StepProgress>> parts = new LinkedHashMap<>();
        int phase = 0;
        for (PhaseProgress phaseProgress : progress.phases().values()) {
            int step = 0;
            for (Map.Entry<String, StepProgress> entry : phaseProgress.steps().entrySet()) {
                parts.computeIfAbsent(phase + "." + step / STEPS_PER_PART, p -> new LinkedHashMap<>())
                        .put(entry.getKey(), entry.getValue());
                step++;
            }
            phase++;
        }
        return parts;
    }

    /** @return the progress without its steps */
    static PlanProgress header(PlanProgress progress) {
        Map<String, PhaseProgress> phases = new LinkedHashMap<>();
        progress.phases().forEach((name, p) -> phases.put(name, new PhaseProgress(p.interrupted(), p.approvals(), Map.of())));
        return new PlanProgress(progress.plan(), progress.interrupted(), progress.approvals(), progress.parameters(), phases);
    }

    /** @return the header with its phases' steps from the parts, in order, after any the header holds itself */
    static PlanProgress join(PlanProgress header, Map<String, Map<String, StepProgress>> parts) {
        Map<Integer, TreeMap<Integer, Map<String, StepProgress>>> byPhase = new HashMap<>();
        parts.forEach((part, steps) -> {
            String[] index = part.split("\\.");
            if (index.length != 2) {
                throw new IllegalArgumentException("a progress part named '" + part + "'");
            }
            byPhase.computeIfAbsent(Integer.parseInt(index[0]), i -> new TreeMap<>()).put(Integer.parseInt(index[1]), steps);
        });
        Map<String, PhaseProgress> phases = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(header.phases().keySet());
        for (int i = 0; i < names.size(); i++) {
            PhaseProgress phase = header.phases().get(names.get(i));
            Map<String, StepProgress> steps = new LinkedHashMap<>(phase.steps());
            byPhase.getOrDefault(i, new TreeMap<>()).values().forEach(steps::putAll);
            phases.put(names.get(i), new PhaseProgress(phase.interrupted(), phase.approvals(), steps));
        }
        return new PlanProgress(header.plan(), header.interrupted(), header.approvals(), header.parameters(), phases);
    }

    private static byte[] bytes(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
