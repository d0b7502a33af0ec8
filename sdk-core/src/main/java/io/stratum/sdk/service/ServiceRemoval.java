package io.stratum.sdk.service;

import io.stratum.sdk.backend.local.LocalBackend;
import io.stratum.sdk.backend.mesos.MesosBackend;
import io.stratum.sdk.internal.state.FrameworkStore;
import io.stratum.sdk.internal.state.LeadershipListener;
import io.stratum.sdk.internal.state.SchedulerLock;
import io.stratum.sdk.internal.state.StateStore;
import io.stratum.sdk.internal.state.TaskRecord;
import io.stratum.sdk.internal.state.ZooKeeperClient;
import io.stratum.sdk.spec.ServiceSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Removes a stopped service from its cluster (the local one, or the Mesos master of
 * {@code --mesos}, through {@link MesosRemoval}): kills its tasks, destroys its volumes,
 * unreserves its resources, deletes its state namespace and then its work dir.
 */
final class ServiceRemoval {
    private ServiceRemoval() {}

    /**
     * @param mesos the framework's Mesos settings, applied when {@code options} name a master
     * @throws IllegalStateException if a scheduler of the service still runs, or the master still
     *     shows something of the service after two minutes
     */
    static void uninstall(ServiceSpec spec, RunOptions options, Consumer<MesosBackend.Builder> mesos, PrintWriter out)
            throws Exception {
        try (Cluster cluster = open(options)) {
            ZooKeeperClient zk = cluster.connect(spec.name());
            SchedulerLock lock = zk.schedulerLock("uninstall-" + UUID.randomUUID(), new LeadershipListener() {
                @Override
                public void leadershipAcquired() {}

                @Override
                public void leadershipLost() {}
            });
            cluster.own(lock);
            cluster.releaseLocksOfGoneProcesses(zk);
            lock.start();
            if (!lock.awaitLeadership(Duration.ofSeconds(10))) {
                throw new IllegalStateException("a scheduler for '" + spec.name() + "' is running ("
                        + lock.leaderId().orElse("?") + "): stop it first (Ctrl-C), then uninstall");
            }
            if (options.mesos() != null) {
                removeFromMesos(spec, options, mesos, zk, out);
            } else {
                LocalBackend backend = LocalBackend.builder(options.workDir().resolve("cluster"))
                        .withServiceName(spec.name()).withAgents(options.agents()).build();
                out.println("killing tasks, destroying volumes, unreserving resources...");
                out.flush();
                backend.destroyAll(Duration.ofSeconds(60));
                backend.close();
            }
            zk.deleteNamespace();
        }
        deleteTree(options.workDir());
        out.println(spec.name() + " uninstalled: no task, volume, reservation or state left");
    }

    /** The framework the state names, subscribed again: its tasks killed, volumes destroyed, resources unreserved, torn down. */
    private static void removeFromMesos(ServiceSpec spec, RunOptions options, Consumer<MesosBackend.Builder> mesos,
            ZooKeeperClient zk, PrintWriter out) throws InterruptedException {
        Optional<String> frameworkId = FrameworkStore.of(zk.persister()).fetchFrameworkId();
        if (frameworkId.isEmpty()) {
            out.println("no framework id in the state: nothing of " + spec.name() + " on the master");
            return;
        }
        List<String> live = StateStore.of(zk.persister()).fetchTasks().stream()
                .filter(t -> t.status() == null || !t.status().state().isTerminal()).map(TaskRecord::taskId).toList();
        MesosBackend.Builder builder = MesosBackends.builder(spec, options.mesos());
        mesos.accept(builder);
        MesosBackend backend = builder.build();
        try {
            MesosRemoval.remove(backend, frameworkId.get(), live, Duration.ofMinutes(2), out);
        } finally {
            backend.close();
        }
        out.println("framework " + frameworkId.get() + " torn down");
    }

    private static Cluster open(RunOptions options) throws IOException {
        try {
            return Cluster.openForRemoval(options, new PrintWriter(PrintWriter.nullWriter()));
        } catch (WorkDirLock.InUseException e) {
            throw new IllegalStateException("a scheduler is running on " + options.workDir()
                    + ": stop it first (Ctrl-C), then uninstall", e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
