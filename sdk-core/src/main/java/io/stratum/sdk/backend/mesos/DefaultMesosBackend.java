package io.stratum.sdk.backend.mesos;

import io.stratum.sdk.backend.BackendListener;
import io.stratum.sdk.backend.Operation;
import io.stratum.sdk.backend.TaskLaunch;
import io.stratum.sdk.backend.TaskState;
import io.stratum.sdk.backend.TaskStatus;
import io.stratum.sdk.backend.TaskStatusUpdate;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link MesosBackend}: a {@link Session} (and its thread) for the event stream, whose events
 * an {@link EventHandler} hands to the listener, and a {@link CallSender} (and its thread) for the
 * calls, built from our types by {@link Calls} and {@link OperationJson}.
 */
final class DefaultMesosBackend implements MesosBackend {
    private static final System.Logger LOG = System.getLogger(DefaultMesosBackend.class.getName());
    private static final Duration WATCH_PERIOD = Duration.ofMillis(100);

    private final FrameworkSettings framework;
    private final InstantSource clock;
    private final MasterDetector detector;
    private final MasterClient client;
    private final Session.Timing timing;
    private final OfferJson offers;
    private final ExecutorBook executors = new ExecutorBook();
    private final OperationJson operations;
    private final ConfigArtifacts configs;
    private final ScheduledThreadPoolExecutor sessionThread = new ScheduledThreadPoolExecutor(1, daemon("stratum-mesos-events"));
    private final ExecutorService callThread = Executors.newSingleThreadExecutor(daemon("stratum-mesos-calls"));
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile FrameworkState state;
    private volatile Session session;
    private volatile CallSender calls;
    private volatile BackendListener listener;

    DefaultMesosBackend(MesosBackend.Builder options) {
        this.framework = options.framework();
        this.clock = options.clock;
        this.detector = MasterDetector.of(options.master, options.requestTimeout);
        this.client = new MasterClient(options.credentials, options.requestTimeout, options.requestTimeout);
        this.timing = new Session.Timing(options.backoffInitial, options.backoffMax, options.heartbeatMisses,
                options.requestTimeout, options.maxEventBytes);
        sessionThread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // no re-subscription once closed
        ResourceJson resources = new ResourceJson(framework);
        this.offers = new OfferJson(framework, resources);
        this.configs = new ConfigArtifacts(options.artifacts);
        this.operations = new OperationJson(resources, new LaunchGroupJson(resources,
                new TaskInfoJson(framework, resources, configs), executors, options.executor));
    }

    @Override
    public void start(Optional<String> frameworkId, BackendListener newListener) {
        if (closed.get()) {
            throw new IllegalStateException("the mesos backend is closed");
        }
        if (started.getAndSet(true)) {
            throw new IllegalStateException("the mesos backend was started already");
        }
        listener = newListener;
        state = new FrameworkState(frameworkId, executors);
        session = new Session(sessionThread, new Session.Masters(detector, client), timing, clock,
                new EventHandler(framework, state, offers, clock,
                        new EventHandler.Hooks(newListener, () -> calls.subscribed(), configs::forget)));
        calls = new CallSender(callThread, client, session, state);
        session.start(WATCH_PERIOD);
    }

    @Override
    public void accept(Collection<String> offerIds, List<Operation> recommendations) {
        Optional<String> frameworkId = started() ? state.frameworkId() : Optional.empty();
        List<OfferJson.Received> known = new ArrayList<>();
        if (frameworkId.isPresent()) {
            offerIds.forEach(id -> state.take(id).ifPresent(known::add));
        }
        if (known.isEmpty()) {
            fail(launches(recommendations), TaskState.DROPPED, "offers " + offerIds + " are no longer valid");
            return;
        }
        OperationJson.Result result = operations.toJson(frameworkId.get(), recommendations, known.get(0));
        result.rejected().forEach(r -> {
            r.launch().tasks().forEach(t -> configs.forget(t.taskId()));
            fail(List.of(r.launch()), TaskState.ERROR, r.message());
        });
        String agentId = known.get(0).offer().agent().id();
        launches(recommendations).stream().filter(l -> result.rejected().stream().noneMatch(r -> r.launch() == l))
                .flatMap(l -> l.tasks().stream()).forEach(t -> {
                    state.taskOn(t.taskId(), agentId);
                    state.launching(t.taskId());
                });
        List<String> ids = List.copyOf(offerIds);
        calls.send(id -> Calls.accept(id, ids, result.operations()), false);
    }

    @Override
    public void decline(Collection<String> offerIds, Duration refuseFor) {
        if (started()) {
            List<String> ids = List.copyOf(offerIds);
            ids.forEach(state::take);
            calls.send(id -> Calls.decline(id, ids, refuseFor), false);
        }
    }

    /** A kill made while not subscribed is kept and sent after the next SUBSCRIBED: the scheduler kills a task once. */
    @Override
    public void kill(String taskId, Duration gracePeriod) {
        if (started()) {
            calls.send(id -> Calls.kill(id, taskId, state.agentOf(taskId), gracePeriod), true);
        }
    }

    @Override
    public void teardown() {
        if (started()) {
            calls.send(Calls::teardown, true);
            try { // the call thread is single: once this runs, the teardown was sent (or kept, unsubscribed)
                callThread.submit(() -> { }).get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException
                    | java.util.concurrent.RejectedExecutionException e) {
                LOG.log(System.Logger.Level.WARNING, "the TEARDOWN call may not have been sent: " + e);
            }
        }
    }

    @Override
    public void reconcile(Collection<String> taskIds) {
        if (started()) {
            List<String> ids = List.copyOf(taskIds);
            calls.send(id -> Calls.reconcile(id, state.agentsOf(ids)), false);
        }
    }

    /** Remembered across re-subscriptions: SUBSCRIBE names the suppressed roles. */
    @Override
    public void suppress() {
        if (started()) {
            state.suppressed(true);
            calls.send(id -> Calls.suppress(id, framework.roles().all()), false);
        }
    }

    @Override
    public void revive() {
        if (started()) {
            state.suppressed(false);
            calls.send(id -> Calls.revive(id, framework.roles().all()), false);
        }
    }

    @Override
    public void acknowledge(TaskStatusUpdate update) {
        if (update.ackId().isEmpty()) {
            return; // made by the master itself: never acknowledged
        }
        if (!started()) {
            return;
        }
        Optional<String> agentId = update.agentId().or(() -> state.agentOf(update.taskId()));
        if (agentId.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "cannot acknowledge the update of " + update.taskId() + ": its agent is unknown");
            return;
        }
        calls.send(id -> Calls.acknowledge(id, agentId.get(), update.taskId(), update.ackId().get()), false);
        if (update.status().state().isTerminal()) {
            state.taskEnded(update.taskId());
        }
    }

    @Override
    public Map<String, String> taskInfo(String taskId) {
        return state == null ? Map.of() : state.agentOf(taskId).map(agent -> Map.of("agent", agent)).orElse(Map.of());
    }

    @Override
    public Optional<URI> leadingMaster() {
        Session current = session;
        return current == null ? Optional.empty() : current.master();
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        Session current = session;
        if (current != null) {
            sessionThread.execute(current::close);
        }
        sessionThread.shutdown();
        callThread.shutdown();
        try {
            sessionThread.awaitTermination(5, TimeUnit.SECONDS);
            callThread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sessionThread.shutdownNow();
        callThread.shutdownNow();
        detector.close();
    }

    /** @return whether calls can be made: started and not closed (a call before start is ignored) */
    private boolean started() {
        if (state == null || closed.get()) {
            LOG.log(System.Logger.Level.DEBUG, "the mesos backend is not running: a call ignored");
            return false;
        }
        return true;
    }

    /** Reports the tasks of launches never sent, on the event thread as every event. */
    private void fail(List<Operation.Launch> launches, TaskState taskState, String message) {
        for (Operation.Launch launch : launches) {
            for (TaskLaunch task : launch.tasks()) {
                state.launching(task.taskId());
                TaskStatus status = TaskStatus.of(task.taskId(), taskState, clock.instant()).withMessage(message);
                TaskStatusUpdate update = new TaskStatusUpdate(status, Optional.of(launch.agentId()), Optional.empty());
                if (!closed.get()) {
                    sessionThread.execute(() -> listener.statusUpdate(update));
                }
            }
        }
    }

    private static List<Operation.Launch> launches(List<Operation> recommendations) {
        return recommendations.stream().filter(Operation.Launch.class::isInstance)
                .map(Operation.Launch.class::cast).toList();
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
