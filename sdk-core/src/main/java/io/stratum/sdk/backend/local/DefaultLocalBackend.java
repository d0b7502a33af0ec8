package io.stratum.sdk.backend.local;

import io.stratum.sdk.backend.BackendListener;
import io.stratum.sdk.backend.TaskStatusUpdate;
import io.stratum.sdk.internal.check.CheckRunner;
import io.stratum.sdk.backend.DestroyVolumeOperation;
import io.stratum.sdk.backend.LaunchOperation;
import io.stratum.sdk.backend.Offer;
import io.stratum.sdk.backend.Operation;
import io.stratum.sdk.backend.UnreserveOperation;
import io.stratum.sdk.resource.Agent;
import io.stratum.sdk.resource.Resource;
import io.stratum.sdk.backend.TaskState;
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
 * The {@link LocalBackend}: every call is handed to the {@link BackendThread}, where the agents,
 * the {@link OfferBook}, the {@link TaskSupervisor} and the {@link StatusUpdates} are used.
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
    private final OfferBook offers = new OfferBook();
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

    DefaultLocalBackend(LocalBackendBuilder options) {
        this.thread = new BackendThread(options.executor);
        this.clock = options.clock;
        this.offerInterval = options.offerInterval;
        this.redeliveryInterval = options.redeliveryInterval;
        TaskEnvironment environment = new TaskEnvironment(options.hostEnvironment);
        this.agents = LocalAgent.all(options, dirs -> new TaskLauncher(dirs, environment, thread.scheduler(), clock,
                options.exitPoll));
        this.checkRunner = CheckRunner.builder().withClock(clock).build();
        this.updates = new StatusUpdates(channel, clock);
        this.supervisor = new TaskSupervisor(updates, new TaskChecks(checkRunner, environment, thread), clock, thread,
                this::freed);
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
            Optional<LocalAgent> agent = offers.take(ids).flatMap(this::agent);
            if (agent.isEmpty()) {
                LOG.log(System.Logger.Level.WARNING, "offers " + ids + " are no longer valid; dropped " + ops.size() + " operations");
                ops.stream().filter(LaunchOperation.class::isInstance).map(LaunchOperation.class::cast)
                        .flatMap(l -> l.tasks().stream())
                        .forEach(t -> supervisor.untracked(t.taskId(), TaskState.DROPPED, "offer no longer valid"));
                return;
            }
            apply(agent.get(), ops);
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

    private void apply(LocalAgent agent, List<Operation> operations) {
        boolean freed = false;
        for (Operation operation : operations) {
            if (operation instanceof LaunchOperation launch) {
                launch(agent, launch);
                continue;
            }
            try {
                Operations.apply(agent, operation, supervisor.inUseBy(agent.id()).keySet());
                freed |= operation instanceof UnreserveOperation || operation instanceof DestroyVolumeOperation;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "dropped an operation on " + agent.id() + ": " + e.getMessage());
            }
        }
        if (freed) {
            freed(agent.id());
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

    private void launch(LocalAgent agent, LaunchOperation launch) {
        for (io.stratum.sdk.backend.TaskLaunch task : launch.tasks()) {
            String invalid = invalid(task.taskId());
            if (invalid != null) {
                supervisor.untracked(task.taskId(), TaskState.ERROR, invalid);
                continue;
            }
            try {
                if (!launch.agentId().equals(agent.id())) {
                    throw new LaunchRefused(TaskState.ERROR, "launch for agent " + launch.agentId()
                            + " sent with an offer of " + agent.id());
                }
                supervisor.launched(agent, starter.start(agent, launch, task, supervisor.inUseBy(agent.id())));
            } catch (LaunchRefused e) {
                LOG.log(System.Logger.Level.WARNING, "cannot launch " + task.taskId() + ": " + e.getMessage());
                supervisor.ended(agent, LaunchRecord.unrecorded(task.taskId(), task.fullName(), task.podInstance()), e.state(),
                        e.getMessage());
            }
        }
    }

    private void makeOffers() {
        if (!started || closed || offers.isSuppressed()) {
            return;
        }
        Map<LocalAgent, List<Resource>> offerable = new LinkedHashMap<>();
        for (LocalAgent agent : agents) {
            offerable.put(agent, agent.offerable(supervisor.inUseBy(agent.id()).keySet()));
        }
        List<String> rescinded = new ArrayList<>();
        List<Offer> made = offers.make(offerable, clock.instant(), rescinded);
        rescinded.forEach(channel::rescinded);
        channel.offers(made);
    }

    private Optional<LocalAgent> agent(String agentId) {
        return agents.stream().filter(a -> a.id().equals(agentId)).findFirst();
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

    private static String whileAway(TaskExit exit) {
        return exit.exitCode().isPresent()
                ? "exited with code " + exit.exitCode().getAsInt() + " while the scheduler was away"
                : "ended while the scheduler was away, without an exit code";
    }
}
