package io.stratum.sdk.internal.cluster;

import io.stratum.sdk.resource.Agent;
import io.stratum.sdk.resource.PersistentVolume;
import io.stratum.sdk.resource.Resource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One agent as the cluster manager tracks it: everything it has (unreserved and pre-reserved
 * resources, MOUNT disks, GPUs, ports), its dynamic reservations and the persistent volumes on them
 * (kept by its {@link AgentJournal}), and which live tasks use which reservations or unreserved
 * resources. What is free is always what it has less what is reserved or used, so the same
 * reservations give the same offers whatever order they were made in. Mutable; not thread-safe:
 * its {@link ClusterCore}'s owner guards it.
 */
public final class AgentLedger {
    /** What a live task holds: its pod instance, the reservations it runs on and the unreserved resources it took. */
    private record Use(String podInstance, Set<String> reservations, List<Resource> unreserved) {}

    private final Agent agent;
    private final List<Resource> resources;
    private final AgentJournal journal;
    private final Holdings reservations = new Holdings();
    private final Map<String, Use> uses = new LinkedHashMap<>();
    private final Map<String, Set<String>> users = new HashMap<>();
    private boolean lost;
    /** What {@link #offerable()} answers until the next change; null after one. */
    private List<Resource> offerable;

    /**
     * @param resources everything the agent has, none dynamically reserved
     * @throws IllegalArgumentException if a resource carries a dynamic reservation or a volume
     */
    AgentLedger(Agent agent, List<Resource> resources, AgentJournal journal) {
        this.agent = Objects.requireNonNull(agent, "agent");
        this.resources = List.copyOf(resources);
        this.journal = Objects.requireNonNull(journal, "journal");
        for (Resource r : this.resources) {
            if (r.reservation().isPresent() || r.volume().isPresent()) {
                throw new IllegalArgumentException("an agent starts without dynamic reservations or volumes: " + r);
            }
        }
    }

    public Agent agent() {
        return agent;
    }

    public String id() {
        return agent.id();
    }

    /**
     * Takes back reservations made before (the local backend's ledger file after a restart), as
     * they were: nothing is checked or journalled.
     *
     * @throws IllegalArgumentException if one lacks a {@code resource_id}
     */
    public void restore(Collection<Resource> reserved) {
        forgetOffer();
        for (Resource r : reserved) {
            String id = r.resourceId().orElseThrow(() -> new IllegalArgumentException("reservation without resource_id: " + r));
            reservations.putReserved(id, r);
        }
    }

    /** @return the dynamic reservations, each with any volume on it, in the order they were made */
    public List<Resource> reservations() {
        return List.copyOf(reservations.reserved());
    }

    /** @return the reserved disks that carry a persistent volume */
    public List<Resource> volumes() {
        return reservations.reserved().stream().filter(r -> r.volume().isPresent()).toList();
    }

    /** @return the reserved disk carrying volume {@code persistenceId}, if any */
    public Optional<Resource> volume(String persistenceId) {
        return reservations.reserved().stream()
                .filter(r -> r.volume().map(v -> v.persistenceId().equals(persistenceId)).orElse(false)).findFirst();
    }

    /**
     * @return what an offer would hold now: the free unreserved resources (by role, as the agent
     *     lists them: scalars, ranges, then MOUNT disks), then the reservations no live task uses
     */
    public List<Resource> offerable() {
        // Offers are asked for every agent on every round, changes are rare: compute once a change.
        if (offerable == null) {
            List<Resource> out = free().unreserved();
            for (Resource r : reservations.reserved()) {
                if (!inUse(r.resourceId().orElseThrow())) {
                    out.add(r);
                }
            }
            offerable = List.copyOf(out);
        }
        return offerable;
    }

    /** What the agent holds changed: offers are computed anew. */
    private void forgetOffer() {
        offerable = null;
    }

    /**
     * Records that a live task holds these reservations (the pod instance's to share) and
     * unreserved resources, as a launch or a re-adopted task does.
     */
    public void use(String taskId, String podInstance, Set<String> reserved, List<Resource> unreserved) {
        forgetOffer();
        uses.put(taskId, new Use(podInstance, Set.copyOf(reserved), List.copyOf(unreserved)));
        for (String id : reserved) {
            users.computeIfAbsent(id, k -> new LinkedHashSet<>(2)).add(taskId);
        }
    }

    /** @return the reservations the live task holds; empty if it holds none or is not live */
    public Set<String> reservationsOf(String taskId) {
        Use use = uses.get(taskId);
        return use == null ? Set.of() : use.reservations();
    }

    /** @return the live tasks on the agent, in the order they were launched or adopted */
    public List<String> liveTasks() {
        return new ArrayList<>(uses.keySet());
    }

    public boolean isLost() {
        return lost;
    }

    /** The agent is gone for good: it offers nothing again; its reservations stay on record. */
    public void markLost() {
        forgetOffer();
        lost = true;
    }

    /** Destroys every volume and gives back every reservation (uninstall; no task may run). */
    public void wipe() {
        forgetOffer();
        volumes().forEach(disk -> destroyVolume(disk.resourceId().orElseThrow()));
        for (Resource r : reservations()) {
            reservations.removeReserved(r.resourceId().orElseThrow());
            journal.changed(reservations());
        }
    }

    /** A task ended: what only it held becomes free or offerable again. Unknown ids are ignored. */
    void release(String taskId) {
        forgetOffer();
        Use use = uses.remove(taskId);
        if (use == null) {
            return;
        }
        for (String id : use.reservations()) {
            Set<String> tasks = users.get(id);
            if (tasks != null && tasks.remove(taskId) && tasks.isEmpty()) {
                users.remove(id);
            }
        }
    }

    /** @return the free unreserved resources: what the agent has less what reservations and live tasks hold */
    Holdings free() {
        Holdings free = Holdings.of(resources);
        List<Resource> held = new ArrayList<>();
        reservations.reserved().forEach(r -> held.add(r.withoutReservation()));
        uses.values().forEach(use -> held.addAll(use.unreserved()));
        free.withdraw(held);
        return free;
    }

    Holdings held() {
        return reservations;
    }

    boolean inUse(String resourceId) {
        Set<String> tasks = users.get(resourceId);
        return tasks != null && !tasks.isEmpty();
    }

    /** @return whether every live task using reservation {@code resourceId} is of {@code podInstance} (and one is) */
    boolean usedOnlyBy(String resourceId, String podInstance) {
        Set<String> tasks = users.get(resourceId);
        return tasks != null && !tasks.isEmpty() && tasks.stream().allMatch(t -> uses.get(t).podInstance().equals(podInstance));
    }

    /** @return why reservation {@code resourceId} cannot be used from the offer: in use, not offered, or unknown */
    String whyNotOffered(String resourceId) {
        Resource held = reservations.reserved(resourceId);
        if (held == null) {
            return "there is no reservation " + resourceId + " on agent " + agent.id();
        }
        Set<String> tasks = users.get(resourceId);
        String task = tasks == null || tasks.isEmpty() ? null : tasks.iterator().next();
        return "reservation " + resourceId + " (" + held + ") is " + (task != null ? "in use by task " + task
                : "not in the offer");
    }

    void reserve(Resource more) {
        forgetOffer();
        reservations.addReservation(more);
        journal.changed(reservations());
    }

    void unreserve(Resource part) {
        forgetOffer();
        mustSucceed(reservations.shrink(part));
        journal.changed(reservations());
    }

    /** Creates {@code volume} on reservation {@code resourceId} (checked to be a disk free for it). */
    void createVolume(String resourceId, PersistentVolume volume) {
        forgetOffer();
        Resource disk = reservations.reserved(resourceId).withVolume(volume);
        journal.creatingVolume(disk);
        reservations.putReserved(resourceId, disk);
        journal.changed(reservations());
    }

    /** Destroys the volume on reservation {@code resourceId} (checked to carry it). */
    void destroyVolume(String resourceId) {
        forgetOffer();
        Resource disk = reservations.reserved(resourceId);
        journal.destroyingVolume(disk);
        reservations.putReserved(resourceId, disk.withoutVolume());
        journal.changed(reservations());
    }

    /** The offer is a part of the agent, so what the offer allowed the agent allows. */
    static void mustSucceed(String problem) {
        if (problem != null) {
            throw new IllegalStateException("the agent is out of step with its offer: " + problem);
        }
    }
}
