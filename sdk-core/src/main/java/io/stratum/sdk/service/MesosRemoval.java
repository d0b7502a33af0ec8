package io.stratum.sdk.service;

import io.stratum.sdk.backend.BackendListener;
import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.backend.Operation;
import io.stratum.sdk.backend.TaskStatusUpdate;
import io.stratum.sdk.backend.mesos.MesosBackend;
import io.stratum.sdk.resource.Resource;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Removes a stopped service's framework from a Mesos master: subscribes with the service's
 * framework id, kills its tasks, destroys the volumes and unreserves the reservations its offers
 * show, and once every agent's latest offer holds nothing of the service's role (and a few
 * seconds passed without an accept), tears the framework down. Mesos keeps reservations and
 * volumes through a {@code TEARDOWN}, hence the offer rounds before it.
 */
final class MesosRemoval implements BackendListener {
    private static final Duration QUIET = Duration.ofSeconds(3);

    private final MesosBackend backend;
    private final Set<String> live;
    /** Per agent: whether its latest offer held a reservation of ours. */
    private final Map<String, Boolean> dirty = new HashMap<>();
    private long lastAccept = System.nanoTime();
    private boolean offered;

    private MesosRemoval(MesosBackend backend, Collection<String> liveTaskIds) {
        this.backend = backend;
        this.live = new HashSet<>(liveTaskIds);
    }

    /**
     * @param liveTaskIds the tasks the service's state says may run
     * @throws IllegalStateException if the master still shows something of the service after {@code timeout}
     */
    static void remove(MesosBackend backend, String frameworkId, Collection<String> liveTaskIds, Duration timeout,
            PrintWriter out) throws InterruptedException {
        MesosRemoval removal = new MesosRemoval(backend, liveTaskIds);
        backend.start(Optional.of(frameworkId), removal);
        liveTaskIds.forEach(id -> backend.kill(id, Duration.ZERO));
        out.println("killing " + liveTaskIds.size() + " task(s), destroying volumes, unreserving resources on the master...");
        out.flush();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (removal) {
            while (!removal.done()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("the master still shows the service after " + timeout.toSeconds()
                            + " s: tasks " + removal.live + ", agents with reservations " + removal.dirtyAgents());
                }
                removal.wait(Math.min(200, Math.max(1, left / 1_000_000)));
            }
        }
        backend.teardown();
    }

    private boolean done() {
        return live.isEmpty() && offered && !dirty.containsValue(true) && System.nanoTime() - lastAccept > QUIET.toNanos();
    }

    private List<String> dirtyAgents() {
        return dirty.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
    }

    @Override
    public synchronized void registered(String frameworkId) {}

    @Override
    public synchronized void offers(List<Offer> offers) {
        for (Offer offer : offers) {
            List<Operation> operations = new ArrayList<>();
            for (Resource resource : offer.resources()) {
                if (resource.reservation().isEmpty()) {
                    continue;
                }
                if (resource.volume().isPresent()) {
                    operations.add(new Operation.DestroyVolume(offer.id(), resource));
                }
                operations.add(new Operation.Unreserve(offer.id(), resource.withoutVolume()));
            }
            dirty.put(offer.agent().id(), !operations.isEmpty());
            if (operations.isEmpty()) {
                offered = offered || live.isEmpty();
                backend.decline(List.of(offer.id()), Duration.ofSeconds(1));
            } else {
                lastAccept = System.nanoTime();
                backend.accept(List.of(offer.id()), operations);
            }
        }
        notifyAll();
    }

    @Override
    public synchronized void rescinded(String offerId) {}

    @Override
    public synchronized void statusUpdate(TaskStatusUpdate update) {
        if (update.ackId().isPresent()) {
            backend.acknowledge(update);
        }
        if (update.status().state().isTerminal()) {
            live.remove(update.status().taskId());
        }
        notifyAll();
    }

    @Override
    public synchronized void agentLost(String agentId) {
        dirty.remove(agentId);
    }
}
