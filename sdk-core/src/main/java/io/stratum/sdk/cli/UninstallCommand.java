package io.stratum.sdk.cli;

import io.stratum.sdk.backend.local.LocalBackend;
import io.stratum.sdk.service.RunOptions;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.internal.state.EmbeddedZooKeeper;
import io.stratum.sdk.internal.state.LeadershipListener;
import io.stratum.sdk.internal.state.SchedulerLock;
import io.stratum.sdk.internal.state.ZooKeeperClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stratum uninstall SPEC --work-dir DIR}: removes a stopped service for good: kills every
 * task, destroys its volumes, unreserves everything, deletes its state in ZooKeeper and its work
 * dir. Refuses while a scheduler for the service runs (stop it with Ctrl-C first).
 */
@Command(name = "uninstall", mixinStandardHelpOptions = true,
        description = "Remove a stopped service: tasks, volumes, reservations and state.")
final class UninstallCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SPEC", description = "The service spec (for its name).")
    Path file;

    @Mixin
    EnvOptions env;

    @Mixin
    RunCommand.Flags flags = new RunCommand.Flags();

    @Spec
    CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws Exception {
        java.util.Optional<ServiceSpec> loaded = ValidateCommand.loadOrReport(file, env, command.commandLine());
        if (loaded.isEmpty()) {
            return StratumCli.BAD_INPUT;
        }
        ServiceSpec spec = loaded.get();
        RunOptions options = flags.options(spec);
        PrintWriter out = command.commandLine().getOut();
        if (!Files.isDirectory(options.workDir())) {
            throw CliException.badInput("--work-dir: '" + options.workDir() + "' does not exist: nothing to uninstall");
        }
        io.stratum.sdk.service.WorkDirLock workDirLock;
        try {
            workDirLock = io.stratum.sdk.service.WorkDirLock.acquire(options.workDir());
        } catch (IOException e) {
            throw CliException.badInput("a scheduler is running on " + options.workDir()
                    + ": stop it first (Ctrl-C), then uninstall");
        }
        EmbeddedZooKeeper embedded = null;
        String connect = options.zookeeper();
        if (connect == null) {
            embedded = EmbeddedZooKeeper.builder(options.workDir().resolve("zookeeper")).build().start();
            connect = embedded.connectString();
        }
        try (ZooKeeperClient zk = ZooKeeperClient.builder(connect, spec.name()).build()) {
            zk.start();
            try (SchedulerLock lock = zk.schedulerLock("uninstall-" + UUID.randomUUID(), new LeadershipListener() {
                @Override
                public void leadershipAcquired() {}

                @Override
                public void leadershipLost() {}
            })) {
                lock.start();
                if (!lock.awaitLeadership(Duration.ofSeconds(10))) {
                    throw CliException.badInput("a scheduler for '" + spec.name() + "' is running ("
                            + lock.leaderId().orElse("?") + "): stop it first (Ctrl-C), then uninstall");
                }
                LocalBackend backend = LocalBackend.builder(options.workDir().resolve("cluster"))
                        .withServiceName(spec.name()).withAgents(options.agents()).build();
                out.println("killing tasks, destroying volumes, unreserving resources...");
                out.flush();
                backend.destroyAll(Duration.ofSeconds(60));
                backend.close();
            }
            zk.deleteNamespace();
        } finally {
            if (embedded != null) {
                embedded.close();
            }
            workDirLock.close();
        }
        deleteTree(options.workDir());
        out.println(spec.name() + " uninstalled: no task, volume, reservation or state left");
        return StratumCli.OK;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
