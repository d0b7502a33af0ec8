package io.stratum.sdk.placement;

import io.stratum.sdk.resource.Agent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the pod instances of each pod type are, as {@link PlacementRule}s need it: how many
 * instances of a pod type sit on each value of a field (a hostname, a zone, a rack), and which
 * values the cluster has at all.
 *
 * <p>Counting is by pod instance: the tasks of one instance always share an agent and count once.
 * Counts are kept per (pod type, field) in counters built on first use and then updated on every
 * {@link #add} and {@link #remove}, so a rule's question costs O(1) however many tasks are placed.
 * The known agents (typically those of the offers being evaluated) make values with no instance
 * yet visible to round-robin rules.
 *
 * <p>Mutable and not thread-safe: one evaluation or placement round owns it.
 */
public final class PlacementState {
    private record CounterKey(String podType, Field field) {}

    private final List<Agent> knownAgents;
    private final Map<String, Map<Integer, Agent>> instances = new HashMap<>();
    private final Map<CounterKey, ValueCounter> counters = new HashMap<>();
    private final Map<String, List<Map.Entry<Field, ValueCounter>>> countersByPodType = new HashMap<>();
    private long version;

    private PlacementState(Collection<Agent> knownAgents) {
        this.knownAgents = List.copyOf(knownAgents);
    }

    /**
     * @param placed      the placed tasks, of any pod types
     * @param knownAgents agents whose field values count as known (with no instances yet)
     * @return the state of {@code placed}
     */
    public static PlacementState of(Collection<PlacedTask> placed, Collection<Agent> knownAgents) {
        PlacementState state = new PlacementState(knownAgents);
        placed.forEach(state::add);
        return state;
    }

    /** Records {@code task}; a task of an instance already recorded on the same agent changes nothing. */
    public void add(PlacedTask task) {
        Map<Integer, Agent> ofType = instances.computeIfAbsent(task.podType(), t -> new LinkedHashMap<>());
        Agent previous = ofType.put(task.instance(), task.agent());
        if (task.agent().equals(previous)) {
            return;
        }
        if (previous != null) {
            forEachCounter(task.podType(), previous, false);
        }
        forEachCounter(task.podType(), task.agent(), true);
        version++;
    }

    /** Forgets pod instance {@code podType-instance}, e.g. before it is replaced elsewhere. */
    public void remove(String podType, int instance) {
        Map<Integer, Agent> ofType = instances.get(podType);
        Agent previous = ofType == null ? null : ofType.remove(instance);
        if (previous != null) {
            forEachCounter(podType, previous, false);
            version++;
        }
    }

    /** @return how many instances of {@code podType} are on agents whose {@code field} is {@code value} */
    public int count(String podType, Field field, String value) {
        return counter(podType, field).count(value);
    }

    /** @return how many instances of {@code podType} are placed */
    public int instances(String podType) {
        Map<Integer, Agent> ofType = instances.get(podType);
        return ofType == null ? 0 : ofType.size();
    }

    /** @return the agent of instance {@code podType-instance}, if it is placed */
    public Optional<Agent> agentOf(String podType, int instance) {
        return Optional.ofNullable(instances.getOrDefault(podType, Map.of()).get(instance));
    }

    /** @return how many distinct values of {@code field} hold at least one instance of {@code podType} */
    public int usedValues(String podType, Field field) {
        return counter(podType, field).used();
    }

    /** @return how many distinct values of {@code field} are known: on known agents or holding instances */
    public int knownValues(String podType, Field field) {
        return counter(podType, field).known();
    }

    /**
     * @return the smallest number of {@code podType} instances on any known value of {@code field};
     *     0 if fewer than {@code expectedValues} values are known, as the missing ones hold none
     */
    public int minCount(String podType, Field field, int expectedValues) {
        ValueCounter counter = counter(podType, field);
        return counter.known() < expectedValues ? 0 : counter.min();
    }

    /** @return a number that changes whenever the placed instances change */
    public long version() {
        return version;
    }

    private ValueCounter counter(String podType, Field field) {
        CounterKey key = new CounterKey(podType, field);
        ValueCounter counter = counters.get(key);
        if (counter == null) {
            counter = new ValueCounter();
            for (Agent agent : knownAgents) {
                String value = FieldValues.of(agent, field);
                if (value != null) {
                    counter.know(value);
                }
            }
            for (Agent agent : instances.getOrDefault(podType, Map.of()).values()) {
                String value = FieldValues.of(agent, field);
                if (value != null) {
                    counter.increment(value);
                }
            }
            counters.put(key, counter);
            countersByPodType.computeIfAbsent(podType, t -> new ArrayList<>()).add(Map.entry(field, counter));
        }
        return counter;
    }

    private void forEachCounter(String podType, Agent agent, boolean increment) {
        for (Map.Entry<Field, ValueCounter> entry : countersByPodType.getOrDefault(podType, List.of())) {
            String value = FieldValues.of(agent, entry.getKey());
            if (value != null) {
                if (increment) {
                    entry.getValue().increment(value);
                } else {
                    entry.getValue().decrement(value);
                }
            }
        }
    }
}
