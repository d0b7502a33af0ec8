package io.stratum.sdk.backend.local;

import io.stratum.sdk.backend.BackendListener;
import io.stratum.sdk.backend.Operation;
import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.backend.TaskState;
import io.stratum.sdk.backend.TaskStatusUpdate;
import io.stratum.sdk.internal.check.CheckRunner;
import io.stratum.sdk.internal.cluster.AcceptListener;
import io.stratum.sdk.internal.cluster.AgentLedger;
import io.stratum.sdk.internal.cluster.ClusterCore;
import io.stratum.sdk.internal.cluster.OfferBook;
import io.stratum.sdk.resource.Agent;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link LocalBackend}: every call is handed to the {@link BackendThread}, where the
 * {@link ClusterCore} (agents, offers, reservations), the {@link TaskSupervisor} and the
 * {@link StatusUpdates} are used.
 */
final class DefaultLocalBackend implements LocalBackend {
    private static final System.Logger LOG = System.getLogger(DefaultLocalBackend.class.getName());
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final BackendThread thread;
    private final InstantSource clock;
    private final Duration offerInterval;
    private final Duration redeliveryInterval;
    private final List<LocalAgent> agents;
    private final CheckRunner checkRunner;
    private final ListenerChannel channel = new ListenerChannel();
    private final ClusterCore cluster = new ClusterCore("local-offer-" + UUID.randomUUID().toString().substring(0, 8) + "-",
            OfferBook.Repeat.KEEP_UNCHANGED);
    private final OfferBook offers = cluster.offers();
    private final StatusUpdates updates;
    private final TaskSupervisor supervisor;
    private final TaskStarter starter;
    private final Uninstaller uninstaller;
    private final List<ScheduledFuture<?>> timers = new ArrayList<>();
    private boolean started;
    private boolean offerPending;
    private boolean recovered;
    private final AtomicBoolean startCalled = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile boolean closed;

    DefaultLocalBackend(LocalBackend.Builder options) {
        this.thread = new BackendThread(options.executor);
        this.clock = options.clock;
        this.offerInterval = options.offerInterval;
        this.redeliveryInterval = options.redeliveryInterval;
        TaskEnvironment environment = new TaskEnvironment(options.hostEnvironment);
        this.agents = LocalAgent.all(options, cluster, dirs -> new TaskLauncher(dirs, environment, thread.scheduler(),
                clock, options.exitPoll));
        this.checkRunner = CheckRunner.builder().withClock(clock).build();
        this.updates = new StatusUpdates(channel, clock);
        this.supervisor = new TaskSupervisor(updates, new TaskChecks(checkRunner, environment, thread), clock, thread,
                this::ended);
        this.starter = new TaskStarter(options.serviceName, environment);
        this.uninstaller = new Uninstaller(options.workDir, agents, environment, thread.scheduler(), clock);
    }

    @Override
    public List<Agent> agents() {
        return agents.stream().map(LocalAgent::agent).toList();
    }

    @Override
    public void start(Optional<String> frameworkId, BackendListener listener) {
        if (closed) {
            throw new IllegalStateException("the local backend is closed");
        }
        if (startCalled.getAndSet(true)) {
            throw new IllegalStateException("the local backend was started already");
        }
        thread.execute(() -> {
            if (closed) {
                return;
            }
            started = true;
            channel.connect(listener);
            channel.registered(frameworkId.orElseGet(() -> "local-" + UUID.randomUUID()));
            recover();
            makeOffers();
            timers.add(thread.every(offerInterval, this::makeOffers));
            Duration redeliveryCheck = redeliveryInterval.compareTo(Duration.ofSeconds(1)) < 0 ? redeliveryInterval
                    : Duration.ofSeconds(1);
            timers.add(thread.every(redeliveryCheck, () -> updates.redeliver(redeliveryInterval)));
        });
    }

    @Override
    public void accept(Collection<String> offerIds, List<Operation> operations) {
        List<String> ids = List.copyOf(offerIds);
        List<Operation> ops = List.copyOf(operations);
        thread.execute(() -> {
            Outcomes outcomes = new Outcomes();
            Optional<String> invalid = cluster.accept(ids, ops, outcomes);
            if (invalid.isPresent()) {
                LOG.log(System.Logger.Level.WARNING, "offers " + ids + " are no longer valid; dropped " + ops.size() + " operations");
                ops.stream().filter(Operation.Launch.class::isInstance).map(Operation.Launch.class::cast)
                        .flatMap(l -> l.tasks().stream())
                        .forEach(t -> supervisor.untracked(t.taskId(), TaskState.DROPPED, "offer no longer valid"));
            } else if (outcomes.freedOn != null) {
                freed(outcomes.freedOn);
            }
        });
    }

    @Override
    public void decline(Collection<String> offerIds, Duration refuseFor) {
        List<String> ids = List.copyOf(offerIds);
        thread.execute(() -> offers.decline(ids, refuseFor, clock.instant()));
    }

    @Override
    public void kill(String taskId, Duration gracePeriod) {
        thread.execute(() -> supervisor.kill(taskId, gracePeriod));
    }

    @Override
    public void reconcile(Collection<String> taskIds) {
        List<String> ids = List.copyOf(taskIds);
        thread.execute(() -> supervisor.reconcile(ids));
    }

    @Override
    public void suppress() {
        thread.execute(offers::suppress);
    }

    @Override
    public void revive() {
        thread.execute(() -> {
            offers.revive();
            makeOffers();
        });
    }

    @Override
    public void acknowledge(TaskStatusUpdate update) {
        thread.execute(() -> updates.acknowledge(update).ifPresent(u -> supervisor.acknowledged(u.status())));
    }

    @Override
    public Map<String, String> taskInfo(String taskId) {
        return supervisor.info(taskId);
    }

    @Override
    public void destroyAll(Duration timeout) {
        if (closed) {
            throw new IllegalStateException("the local backend is closed");
        }
        var exits = thread.call(() -> {
            offers.close();
            recover();
            return uninstaller.killAll(supervisor);
        }, CALL_TIMEOUT);
        uninstaller.await(exits, timeout);
        thread.call(() -> {
            supervisor.closeChecks();
            uninstaller.wipe();
            return null;
        }, CALL_TIMEOUT);
    }

    @Override
    public void close() {
        if (closing.getAndSet(true)) {
            return;
        }
        closed = true;
        if (thread.isCurrent()) {
            stop();
        } else {
            try {
                thread.call(() -> {
                    stop();
                    return null;
                }, CALL_TIMEOUT);
            } catch (IllegalStateException e) {
                LOG.log(System.Logger.Level.WARNING, "closing the local backend: " + e.getMessage());
            }
        }
        checkRunner.close();
        thread.shutdown();
    }

    private void stop() {
        timers.forEach(t -> t.cancel(false));
        offers.close();
        supervisor.closeChecks();
        agents.forEach(a -> a.launcher().close());
        channel.disconnect();
    }

    /** Takes over the tasks the agents' checkpoints describe, once. */
    private void recover() {
        if (recovered) {
            return;
        }
        recovered = true;
        for (LocalAgent agent : agents) {
            Map<String, LaunchRecord> records = new LinkedHashMap<>();
            agent.launches().list().forEach(r -> records.put(r.taskId(), r));
            Recovery recovery = agent.launcher().adopt();
            for (TaskProcess process : recovery.running()) {
                LaunchRecord record = records.remove(process.taskId());
                if (record == null) {
                    supervisor.orphaned(agent, process);
                } else {
                    agent.ledger().use(record.taskId(), record.podInstance(), record.resourceIds(), List.of());
                    supervisor.adopted(agent, record, process);
                }
            }
            for (TaskExit exit : recovery.exited()) {
                LaunchRecord record = records.remove(exit.taskId());
                supervisor.ended(agent, record != null ? record : LaunchRecord.unrecorded(exit.taskId(), exit.taskId(), ""),
                        exit.succeeded() ? TaskState.FINISHED : TaskState.FAILED, whileAway(exit));
            }
            records.keySet().forEach(agent.launches()::delete); // launches that never started a process
        }
    }

    /**
     * Resources were freed on an agent (a task ended, a reservation was given back): its decline
     * filter lifts, and offers go out right after what the backend is doing now rather than at the
     * next interval, so a failed task's relaunch need not wait for it. Many frees at once make one
     * round of offers.
     */
    private void freed(String agentId) {
        offers.freed(agentId);
        if (!offerPending) {
            offerPending = true;
            thread.execute(() -> {
                offerPending = false;
                makeOffers();
            });
        }
    }

    /** A task ended: what it held is released; if its process ran, offers go out soon (see {@link #freed}). */
    private void ended(LocalTask task) {
        cluster.release(task.agent().id(), task.id());
        if (task.process().isPresent()) {
            freed(task.agent().id());
        }
    }

    private void makeOffers() {
        if (!started || closed || offers.isSuppressed()) {
            return;
        }
        OfferBook.Round round = offers.send(clock.instant(), false);
        round.rescinded().forEach(channel::rescinded);
        channel.offers(round.offers());
    }

    private LocalAgent agent(AgentLedger ledger) {
        return agents.stream().filter(a -> a.ledger() == ledger).findFirst().orElseThrow();
    }

    /** @return why a task id cannot be launched (a repeated launch, or not a file name), or null */
    private String invalid(String taskId) {
        if (supervisor.knows(taskId)) {
            return "task " + taskId + " was launched already";
        }
        try {
            AgentDirs.checkName("task id", taskId);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /**
     * What the agents do with the operations of one accept: resource operations are logged when
     * refused (the scheduler learns from the next offer); a launch's tasks are started, or reported
     * ERROR when the launch is refused.
     */
    private final class Outcomes implements AcceptListener {
        /** The agent on which an unreserve or a destroy freed resources, if one did. */
        String freedOn;

        @Override
        public String refusal(TaskLaunch task) {
            return invalid(task.taskId());
        }

        @Override
        public void refused(AgentLedger ledger, Operation operation, String reason) {
            if (!(operation instanceof Operation.Launch launch)) {
                LOG.log(System.Logger.Level.WARNING, "dropped an operation on " + ledger.id() + ": " + reason);
                return;
            }
            for (TaskLaunch task : launch.tasks()) {
                LOG.log(System.Logger.Level.WARNING, "cannot launch " + task.taskId() + ": " + reason);
                String own = invalid(task.taskId());
                if (own != null) {
                    supervisor.untracked(task.taskId(), TaskState.ERROR, own); // known already, or not a file name
                } else {
                    supervisor.ended(agent(ledger), LaunchRecord.unrecorded(task.taskId(), task.fullName(),
                            task.podInstance()), TaskState.ERROR, reason);
                }
            }
        }

        @Override
        public void applied(AgentLedger ledger, Operation operation) {
            if (operation instanceof Operation.Unreserve || operation instanceof Operation.DestroyVolume) {
                freedOn = ledger.id();
            }
        }

        @Override
        public void launched(AgentLedger ledger, Operation.Launch launch) {
            LocalAgent agent = agent(ledger);
            for (TaskLaunch task : launch.tasks()) {
                try {
                    supervisor.launched(agent, starter.start(agent, task));
                } catch (LaunchRefused e) {
                    LOG.log(System.Logger.Level.WARNING, "cannot launch " + task.taskId() + ": " + e.getMessage());
                    supervisor.ended(agent, LaunchRecord.unrecorded(task.taskId(), task.fullName(), task.podInstance()),
                            e.state(), e.getMessage());
                }
            }
        }
    }

    private static String whileAway(TaskExit exit) {
        return exit.exitCode().isPresent()
                ? "exited with code " + exit.exitCode().getAsInt() + " while the scheduler was away"
                : "ended while the scheduler was away, without an exit code";
    }
}
