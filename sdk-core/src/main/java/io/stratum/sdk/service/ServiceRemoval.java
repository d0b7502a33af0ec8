package io.stratum.sdk.service;

import io.stratum.sdk.backend.local.LocalBackend;
import io.stratum.sdk.internal.state.LeadershipListener;
import io.stratum.sdk.internal.state.SchedulerLock;
import io.stratum.sdk.internal.state.ZooKeeperClient;
import io.stratum.sdk.spec.ServiceSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Removes a stopped service from the local cluster: kills its tasks, destroys its volumes,
 * unreserves its resources, deletes its state namespace and then its work dir.
 */
final class ServiceRemoval {
    private ServiceRemoval() {}

    /** @throws IllegalStateException if a scheduler of the service still runs */
    static void uninstall(ServiceSpec spec, RunOptions options, PrintWriter out) throws Exception {
        try (Cluster cluster = open(options)) {
            ZooKeeperClient zk = cluster.connect(spec.name());
            SchedulerLock lock = zk.schedulerLock("uninstall-" + UUID.randomUUID(), new LeadershipListener() {
                @Override
                public void leadershipAcquired() {}

                @Override
                public void leadershipLost() {}
            });
            cluster.own(lock);
            lock.start();
            if (!lock.awaitLeadership(Duration.ofSeconds(10))) {
                throw new IllegalStateException("a scheduler for '" + spec.name() + "' is running ("
                        + lock.leaderId().orElse("?") + "): stop it first (Ctrl-C), then uninstall");
            }
            LocalBackend backend = LocalBackend.builder(options.workDir().resolve("cluster"))
                    .withServiceName(spec.name()).withAgents(options.agents()).build();
            out.println("killing tasks, destroying volumes, unreserving resources...");
            out.flush();
            backend.destroyAll(Duration.ofSeconds(60));
            backend.close();
            zk.deleteNamespace();
        }
        deleteTree(options.workDir());
        out.println(spec.name() + " uninstalled: no task, volume, reservation or state left");
    }

    private static Cluster open(RunOptions options) throws IOException {
        try {
            return Cluster.open(options, new PrintWriter(PrintWriter.nullWriter()));
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
