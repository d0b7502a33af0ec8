package io.stratum.sdk.backend.sim;

import io.stratum.sdk.backend.BackendListener;
import io.stratum.sdk.backend.TaskStatusUpdate;
import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.backend.Operation;
import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.resource.Agent;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.backend.CheckState;
import io.stratum.sdk.backend.TaskState;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The {@link SimCluster}: agents by id, outstanding offers by id, tasks by id, one lock. */
final class DefaultSimCluster implements SimCluster {
    private final InstantSource clock;
    private final boolean autoDeliver;
    private final EventQueue events;
    private final Map<String, AgentLedger> agents = new LinkedHashMap<>();
    private final OfferBook offers;
    private final TaskLifecycle tasks;
    private final Scripts scripts = new Scripts();
    private final Counters counters = new Counters();
    private final List<OperationError> errors = new ArrayList<>();
    private final List<KillRequest> kills = new ArrayList<>();
    private final OperationApplier applier;
    private final Set<String> lostAgents = new LinkedHashSet<>();
    private String frameworkId;
    private boolean suppressed;
    private int suppressCount;
    private int reviveCount;
    private long frameworkSeq;

    DefaultSimCluster(List<SimAgent> agents, InstantSource clock, boolean autoDeliver, int maxEventsPerDelivery) {
        this.clock = clock;
        this.autoDeliver = autoDeliver;
        this.events = new EventQueue(maxEventsPerDelivery);
        for (SimAgent agent : agents) {
            if (this.agents.putIfAbsent(agent.agent().id(), new AgentLedger(agent)) != null) {
                throw new IllegalArgumentException("two agents with id " + agent.agent().id());
            }
        }
        this.tasks = new TaskLifecycle(clock, events, t -> this.agents.get(t.agentId).release(t.id(), t.reservations));
        this.applier = new OperationApplier(counters, errors, tasks, scripts);
        this.offers = new OfferBook(this.agents, events);
    }

    // ---- ClusterBackend

    @Override
    public synchronized void start(Optional<String> frameworkId, BackendListener listener) {
        events.attach(Objects.requireNonNull(listener, "listener"));
        this.frameworkId = frameworkId.orElseGet(() -> "sim-framework-" + ++frameworkSeq);
        suppressed = false;
        agents.values().forEach(AgentLedger::clearRefusal);
        events.add(new SimEvent.Registered(this.frameworkId));
        tasks.redeliverUnacked(null);
        autoDeliver();
    }

    @Override
    public synchronized void accept(Collection<String> offerIds, List<Operation> operations) {
        OfferBook.Accepted accepted = offers.accept(offerIds);
        if (accepted.invalid() != null) {
            // as Mesos: nothing applies, and launched tasks are lost before the cluster ever knew them
            String ids = String.join(",", accepted.ids());
            operations.forEach(op -> applier.refuse(ids, op, accepted.invalid(), TaskState.DROPPED));
        } else {
            applier.apply(accepted.agent(), accepted.resources(), accepted.ids(), operations);
        }
        autoDeliver();
    }

    @Override
    public synchronized void decline(Collection<String> offerIds, Duration refuseFor) {
        offers.decline(offerIds, refuseFor, clock.instant());
        autoDeliver();
    }

    @Override
    public synchronized void kill(String taskId, Duration gracePeriod) {
        kills.add(new KillRequest(taskId, gracePeriod, clock.instant()));
        TaskRecord task = tasks.get(taskId);
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
        suppressed = true;
        suppressCount++;
    }

    @Override
    public synchronized void revive() {
        suppressed = false;
        reviveCount++;
        agents.values().forEach(AgentLedger::clearRefusal);
    }

    @Override
    public synchronized void acknowledge(TaskStatusUpdate update) {
        tasks.acknowledge(update);
    }

    @Override
    public synchronized void close() {
        events.detach();
        offers.clear();
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
        if (!events.isAttached() || (suppressed && !force)) {
            autoDeliver();
            return List.of();
        }
        List<Offer> sent = offers.send(clock.instant());
        autoDeliver();
        return sent;
    }

    @Override
    public synchronized int tick() {
        int released = tasks.releaseDue();
        autoDeliver();
        return released;
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
        TaskRecord task = live(taskId);
        tasks.report(task, task.status.state(), result, task.status.readiness(), "health check " + result, true);
        autoDeliver();
    }

    @Override
    public synchronized void setReadiness(String taskId, CheckState result) {
        TaskRecord task = live(taskId);
        tasks.report(task, task.status.state(), task.status.health(), result, "readiness check " + result, true);
        autoDeliver();
    }

    @Override
    public synchronized void update(String taskId, TaskState state, String message) {
        TaskRecord task = live(taskId);
        if (state.isTerminal()) {
            tasks.overrideScript(task);
        }
        tasks.report(task, state, message);
        autoDeliver();
    }

    @Override
    public synchronized void loseAgent(String agentId) {
        AgentLedger agent = agent(agentId);
        if (agent.isLost()) {
            return;
        }
        agent.markLost();
        lostAgents.add(agentId);
        offers.rescind(agent);
        for (String taskId : agent.liveTasks()) {
            TaskRecord task = tasks.get(taskId);
            tasks.overrideScript(task);
            tasks.report(task, TaskState.LOST, task.status.health(), task.status.readiness(),
                    "agent " + agentId + " lost", false);
        }
        events.add(new SimEvent.AgentLost(agentId));
        autoDeliver();
    }

    @Override
    public synchronized void restartAgent(String agentId) {
        AgentLedger agent = agent(agentId);
        if (agent.isLost()) {
            throw new IllegalStateException("agent " + agentId + " is lost and cannot restart");
        }
        offers.rescind(agent);
        for (String taskId : agent.liveTasks()) {
            TaskRecord task = tasks.get(taskId);
            tasks.overrideScript(task);
            tasks.report(task, TaskState.FAILED, "agent " + agentId + " restarted: executor terminated");
        }
        autoDeliver();
    }

    // ---- inspection

    @Override
    public InstantSource clock() {
        return clock;
    }

    @Override
    public synchronized Optional<String> frameworkId() {
        return Optional.ofNullable(frameworkId);
    }

    @Override
    public synchronized List<Agent> agents() {
        return agents.values().stream().map(a -> a.agent).toList();
    }

    @Override
    public synchronized Set<String> lostAgents() {
        return Set.copyOf(lostAgents);
    }

    @Override
    public synchronized List<SimTask> tasks() {
        return tasks.all().stream().map(TaskRecord::snapshot).toList();
    }

    @Override
    public synchronized List<SimTask> liveTasks() {
        return tasks.all().stream().filter(TaskRecord::isLive).map(TaskRecord::snapshot).toList();
    }

    @Override
    public synchronized Optional<SimTask> task(String taskId) {
        return Optional.ofNullable(tasks.get(taskId)).map(TaskRecord::snapshot);
    }

    @Override
    public synchronized List<TaskLaunch> launched() {
        return tasks.launched();
    }

    @Override
    public synchronized List<Decline> declines() {
        return offers.declines();
    }

    @Override
    public synchronized List<KillRequest> kills() {
        return List.copyOf(kills);
    }

    @Override
    public synchronized List<Resource> reservations(String agentId) {
        return List.copyOf(agent(agentId).holdings.reserved());
    }

    @Override
    public synchronized List<Resource> volumes(String agentId) {
        return agent(agentId).holdings.reserved().stream().filter(r -> r.volume().isPresent()).toList();
    }

    @Override
    public synchronized List<Resource> offerable(String agentId) {
        return List.copyOf(agent(agentId).offerable());
    }

    @Override
    public synchronized List<Offer> outstandingOffers() {
        return offers.outstanding();
    }

    @Override
    public synchronized boolean isSuppressed() {
        return suppressed;
    }

    @Override
    public synchronized int suppressCount() {
        return suppressCount;
    }

    @Override
    public synchronized int reviveCount() {
        return reviveCount;
    }

    @Override
    public synchronized OperationCounts operationsApplied() {
        return counters.snapshot();
    }

    @Override
    public synchronized List<OperationError> errors() {
        return List.copyOf(errors);
    }

    @Override
    public synchronized List<TaskStatusUpdate> unacknowledged() {
        return tasks.unacknowledged();
    }

    @Override
    public synchronized int queued() {
        return events.size();
    }

    // ---- helpers

    private AgentLedger agent(String agentId) {
        AgentLedger agent = agents.get(agentId);
        if (agent == null) {
            throw new IllegalArgumentException("no agent " + agentId);
        }
        return agent;
    }

    private TaskRecord live(String taskId) {
        TaskRecord task = tasks.get(taskId);
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
