package io.stratum.sdk.backend.sim;

import io.stratum.sdk.backend.BackendListener;
import io.stratum.sdk.backend.CheckState;
import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.backend.Operation;
import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.backend.TaskState;
import io.stratum.sdk.backend.TaskStatusUpdate;
import io.stratum.sdk.internal.cluster.AgentJournal;
import io.stratum.sdk.internal.cluster.AgentLedger;
import io.stratum.sdk.internal.cluster.ClusterCore;
import io.stratum.sdk.internal.cluster.OfferBook;
import io.stratum.sdk.resource.Agent;
import io.stratum.sdk.resource.Resource;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@link SimCluster}: the shared {@link ClusterCore} core (agents, offers, reservations) with
 * scripted tasks, an event queue and what tests inspect; one lock.
 */
final class DefaultSimCluster implements SimCluster {
    private final InstantSource clock;
    private final boolean autoDeliver;
    private final EventQueue events;
    private final ClusterCore cluster = new ClusterCore("sim-offer-", OfferBook.Repeat.REPLACE);
    private final TaskLifecycle tasks;
    private final Scripts scripts = new Scripts();
    private final SimAccepts accepts;
    private final List<KillRequest> kills = new ArrayList<>();
    private final List<Decline> declines = new ArrayList<>();
    private final Set<String> lostAgents = new LinkedHashSet<>();
    private String frameworkId;
    private int suppressCount;
    private int reviveCount;
    private long frameworkSeq;

    DefaultSimCluster(List<SimAgent> agents, InstantSource clock, boolean autoDeliver, int maxEventsPerDelivery) {
        this.clock = clock;
        this.autoDeliver = autoDeliver;
        this.events = new EventQueue(maxEventsPerDelivery);
        for (SimAgent agent : agents) {
            cluster.add(agent.agent(), agent.resources(), AgentJournal.NONE);
        }
        this.tasks = new TaskLifecycle(clock, events, t -> cluster.release(t.agentId, t.id()));
        this.accepts = new SimAccepts(cluster, tasks, scripts);
    }

    // ---- ClusterBackend

    @Override
    public synchronized void start(Optional<String> frameworkId, BackendListener listener) {
        events.attach(Objects.requireNonNull(listener, "listener"));
        this.frameworkId = frameworkId.orElseGet(() -> "sim-framework-" + ++frameworkSeq);
        cluster.offers().revive();
        events.registered(this.frameworkId);
        tasks.redeliverUnacked(null);
        autoDeliver();
    }

    @Override
    public synchronized void accept(Collection<String> offerIds, List<Operation> operations) {
        accepts.accept(offerIds, operations);
        autoDeliver();
    }

    @Override
    public synchronized void decline(Collection<String> offerIds, Duration refuseFor) {
        cluster.offers().decline(offerIds, refuseFor, clock.instant()).forEach(offer ->
                declines.add(new Decline(offer.id(), offer.agent().id(), refuseFor, clock.instant())));
        autoDeliver();
    }

    @Override
    public synchronized void kill(String taskId, Duration gracePeriod) {
        kills.add(new KillRequest(taskId, gracePeriod, clock.instant()));
        ScriptedTask task = tasks.get(taskId);
        if (task == null) {
            tasks.reportUntracked(taskId, Optional.empty(), TaskState.LOST, "kill: task unknown to the cluster");
        } else if (task.isLive()) {
            tasks.overrideScript(task);
            tasks.report(task, TaskState.KILLING, "killing, grace period " + gracePeriod.toSeconds() + "s");
            tasks.report(task, TaskState.KILLED, "killed");
        }
        autoDeliver();
    }

    @Override
    public synchronized void reconcile(Collection<String> taskIds) {
        tasks.reconcile(List.copyOf(taskIds));
        autoDeliver();
    }

    @Override
    public synchronized void suppress() {
        cluster.offers().suppress();
        suppressCount++;
    }

    @Override
    public synchronized void revive() {
        cluster.offers().revive();
        reviveCount++;
    }

    @Override
    public synchronized void acknowledge(TaskStatusUpdate update) {
        tasks.acknowledge(update);
    }

    @Override
    public synchronized void close() {
        events.detach();
        cluster.offers().clear();
    }

    // ---- driving

    @Override
    public synchronized int deliver() {
        tasks.releaseDue();
        return events.deliver();
    }

    @Override
    public List<Offer> sendOffers() {
        return sendOffers(false);
    }

    @Override
    public synchronized List<Offer> sendOffers(boolean force) {
        tasks.releaseDue();
        if (!events.isAttached()) {
            autoDeliver();
            return List.of();
        }
        OfferBook.Round round = cluster.offers().send(clock.instant(), force);
        round.rescinded().forEach(events::rescinded);
        if (!round.offers().isEmpty()) {
            events.offers(round.offers());
        }
        autoDeliver();
        return round.offers();
    }

    @Override
    public synchronized int tick() {
        int released = tasks.releaseDue();
        autoDeliver();
        return released;
    }

    @Override
    public Instant advance(Duration duration) {
        if (!(clock instanceof SimClock own)) {
            throw new IllegalStateException("the cluster was given a clock of the caller's: move that one");
        }
        return own.advance(duration);
    }

    @Override
    public synchronized void redeliverUnacked() {
        tasks.redeliverUnacked(null);
        autoDeliver();
    }

    // ---- scripts and commands

    @Override
    public synchronized void script(String taskNameOrPrefix, TaskBehaviour behaviour) {
        scripts.add(Scripts.matching(taskNameOrPrefix, behaviour), false);
    }

    @Override
    public synchronized void scriptOnce(String taskNameOrPrefix, TaskBehaviour behaviour) {
        scripts.add(Scripts.matching(taskNameOrPrefix, behaviour), true);
    }

    @Override
    public synchronized void script(Function<TaskLaunch, TaskBehaviour> script) {
        scripts.add(Objects.requireNonNull(script, "script"), false);
    }

    @Override
    public synchronized void clearScripts() {
        scripts.clear();
    }

    @Override
    public void fail(String taskId, String message) {
        update(taskId, TaskState.FAILED, message);
    }

    @Override
    public void finish(String taskId) {
        update(taskId, TaskState.FINISHED, "exited with status 0");
    }

    @Override
    public synchronized void setHealth(String taskId, CheckState result) {
        ScriptedTask task = live(taskId);
        tasks.reportChecks(task, result, task.status.readiness(), "health check " + result);
        autoDeliver();
    }

    @Override
    public synchronized void setReadiness(String taskId, CheckState result) {
        ScriptedTask task = live(taskId);
        tasks.reportChecks(task, task.status.health(), result, "readiness check " + result);
        autoDeliver();
    }

    @Override
    public synchronized void update(String taskId, TaskState state, String message) {
        ScriptedTask task = live(taskId);
        if (state.isTerminal()) {
            tasks.overrideScript(task);
        }
        tasks.report(task, state, message);
        autoDeliver();
    }

    @Override
    public synchronized void loseAgent(String agentId) {
        AgentLedger agent = cluster.agent(agentId);
        if (agent.isLost()) {
            return;
        }
        agent.markLost();
        lostAgents.add(agentId);
        rescind(agentId);
        for (String taskId : agent.liveTasks()) {
            ScriptedTask task = tasks.get(taskId);
            tasks.overrideScript(task);
            tasks.reportAsMaster(task, TaskState.LOST, "agent " + agentId + " lost");
        }
        events.agentLost(agentId);
        autoDeliver();
    }

    @Override
    public synchronized void restartAgent(String agentId) {
        AgentLedger agent = cluster.agent(agentId);
        if (agent.isLost()) {
            throw new IllegalStateException("agent " + agentId + " is lost and cannot restart");
        }
        rescind(agentId);
        for (String taskId : agent.liveTasks()) {
            ScriptedTask task = tasks.get(taskId);
            tasks.overrideScript(task);
            tasks.report(task, TaskState.FAILED, "agent " + agentId + " restarted: executor terminated");
        }
        autoDeliver();
    }

    // ---- inspection (those not @Override are for the sim backend's own tests)

    @Override
    public InstantSource clock() {
        return clock;
    }

    synchronized Optional<String> frameworkId() {
        return Optional.ofNullable(frameworkId);
    }

    @Override
    public synchronized List<Agent> agents() {
        return cluster.agents().stream().map(AgentLedger::agent).toList();
    }

    synchronized Set<String> lostAgents() {
        return Set.copyOf(lostAgents);
    }

    @Override
    public synchronized List<SimTask> tasks() {
        return tasks.all().stream().map(ScriptedTask::snapshot).toList();
    }

    @Override
    public synchronized List<SimTask> liveTasks() {
        return tasks.all().stream().filter(ScriptedTask::isLive).map(ScriptedTask::snapshot).toList();
    }

    @Override
    public synchronized Optional<SimTask> task(String taskId) {
        return Optional.ofNullable(tasks.get(taskId)).map(ScriptedTask::snapshot);
    }

    @Override
    public synchronized List<TaskLaunch> launched() {
        return tasks.launched();
    }

    @Override
    public synchronized List<Decline> declines() {
        return List.copyOf(declines);
    }

    @Override
    public synchronized List<KillRequest> kills() {
        return List.copyOf(kills);
    }

    @Override
    public synchronized List<Resource> reservations(String agentId) {
        return cluster.agent(agentId).reservations();
    }

    @Override
    public synchronized List<Resource> volumes(String agentId) {
        return cluster.agent(agentId).volumes();
    }

    synchronized List<Resource> offerable(String agentId) {
        return List.copyOf(cluster.agent(agentId).offerable());
    }

    synchronized List<Offer> outstandingOffers() {
        return cluster.offers().outstanding();
    }

    @Override
    public synchronized boolean isSuppressed() {
        return cluster.offers().isSuppressed();
    }

    synchronized int suppressCount() {
        return suppressCount;
    }

    synchronized int reviveCount() {
        return reviveCount;
    }

    synchronized OperationCounts operationsApplied() {
        return accepts.counts();
    }

    @Override
    public synchronized List<OperationError> errors() {
        return accepts.errors();
    }

    synchronized List<TaskStatusUpdate> unacknowledged() {
        return tasks.unacknowledged();
    }

    synchronized int queued() {
        return events.size();
    }

    // ---- helpers

    private void rescind(String agentId) {
        cluster.offers().rescind(agentId).ifPresent(events::rescinded);
    }

    private ScriptedTask live(String taskId) {
        ScriptedTask task = tasks.get(taskId);
        if (task == null) {
            throw new IllegalArgumentException("the cluster never launched task " + taskId);
        }
        if (!task.isLive()) {
            throw new IllegalStateException("task " + taskId + " is " + task.status.state() + " already");
        }
        return task;
    }

    private void autoDeliver() {
        if (autoDeliver) {
            events.deliver();
        }
    }
}
