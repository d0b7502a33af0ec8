package io.stratum.sdk.backend.local;

import org.awaitility.Awaitility;

import io.stratum.sdk.backend.BackendListener;
import io.stratum.sdk.backend.ClusterBackend;
import io.stratum.sdk.backend.TaskStatusUpdate;
import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.backend.TaskState;
import io.stratum.sdk.backend.TaskStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A backend listener that records every event, keeps each agent's latest outstanding offer, and
 * acknowledges every update carrying an ack id (unless told not to). It also notes the threads it
 * was called on and whether two calls ever overlapped.
 */
final class Recorder implements BackendListener {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final Duration POLL = Duration.ofMillis(5);

    final List<String> registrations = new CopyOnWriteArrayList<>();
    final List<Offer> allOffers = new CopyOnWriteArrayList<>();
    final List<String> rescinds = new CopyOnWriteArrayList<>();
    final List<TaskStatusUpdate> updates = new CopyOnWriteArrayList<>();
    /** When each update arrived, {@link System#nanoTime()}, in the order of {@link #updates}. */
    final List<Long> arrivals = new CopyOnWriteArrayList<>();
    final Set<String> threads = ConcurrentHashMap.newKeySet();
    private final Map<String, Offer> current = new ConcurrentHashMap<>();
    private final AtomicInteger inCall = new AtomicInteger();
    private volatile boolean overlapped;
    volatile ClusterBackend backend;
    volatile boolean acknowledging = true;

    @Override
    public void registered(String frameworkId) {
        call(() -> registrations.add(frameworkId));
    }

    @Override
    public void offers(List<Offer> offers) {
        call(() -> {
            offers.forEach(o -> current.put(o.agent().id(), o));
            allOffers.addAll(offers);
        });
    }

    @Override
    public void rescinded(String offerId) {
        call(() -> {
            rescinds.add(offerId);
            current.values().removeIf(o -> o.id().equals(offerId));
        });
    }

    @Override
    public void statusUpdate(TaskStatusUpdate update) {
        call(() -> {
            arrivals.add(System.nanoTime());
            updates.add(update);
            if (acknowledging && update.ackId().isPresent()) {
                backend.acknowledge(update);
            }
        });
    }

    @Override
    public void agentLost(String agentId) {
        throw new AssertionError("no agent is ever lost on the local backend");
    }

    /** @return whether two listener calls ever ran at once */
    boolean overlapped() {
        return overlapped;
    }

    /** @return one outstanding offer of each of {@code agents} agents, by agent id, waiting for them */
    List<Offer> offers(int agents) {
        Awaitility.await().atMost(WAIT).pollInterval(POLL).until(() -> current.size() >= agents);
        List<Offer> offers = new ArrayList<>(current.values());
        offers.sort(Comparator.comparing(o -> o.agent().id()));
        return offers;
    }

    /** @return the agent's outstanding offer once one matches, waiting for it */
    Offer offer(String agentId, Predicate<Offer> matching) {
        Awaitility.await().atMost(WAIT).pollInterval(POLL).until(() -> current.get(agentId) != null && matching.test(current.get(agentId)));
        return current.get(agentId);
    }

    /** Forgets an offer the test accepted or declined. */
    void used(String offerId) {
        current.values().removeIf(o -> o.id().equals(offerId));
    }

    /** @return the first status of the task matching, waiting for it */
    TaskStatus await(String taskId, Predicate<TaskStatus> matching) {
        Awaitility.await().atMost(WAIT).pollInterval(POLL).until(() -> statuses(taskId).stream().anyMatch(matching));
        return statuses(taskId).stream().filter(matching).findFirst().orElseThrow();
    }

    /** @return the first status of the task in {@code state}, waiting for it */
    TaskStatus await(String taskId, TaskState state) {
        return await(taskId, s -> s.state() == state);
    }

    /** @return when the first status of the task matching arrived ({@link System#nanoTime()}), waiting for it */
    long arrival(String taskId, Predicate<TaskStatus> matching) {
        await(taskId, matching);
        for (int i = 0; i < updates.size(); i++) {
            if (updates.get(i).taskId().equals(taskId) && matching.test(updates.get(i).status())) {
                return arrivals.get(i);
            }
        }
        throw new AssertionError("no such update of " + taskId);
    }

    List<TaskStatus> statuses(String taskId) {
        return updates.stream().filter(u -> u.taskId().equals(taskId)).map(TaskStatusUpdate::status).toList();
    }

    /** @return the task's states in the order reported, repeats of one state (check results) folded */
    List<TaskState> states(String taskId) {
        List<TaskState> states = new ArrayList<>();
        for (TaskStatus status : statuses(taskId)) {
            if (states.isEmpty() || states.get(states.size() - 1) != status.state()) {
                states.add(status.state());
            }
        }
        return states;
    }

    private void call(Runnable body) {
        threads.add(Thread.currentThread().getName());
        if (inCall.incrementAndGet() > 1) {
            overlapped = true;
        }
        try {
            body.run();
        } finally {
            inCall.decrementAndGet();
        }
    }
}
