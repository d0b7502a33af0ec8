package io.stratum.sdk.cli;

import io.stratum.sdk.service.LocalResources;
import io.stratum.sdk.service.RunOptions;
import io.stratum.sdk.service.Service;
import io.stratum.sdk.service.ServiceRuntime;
import io.stratum.sdk.spec.ServiceSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code stratum run SPEC}: validates the spec, starts everything (embedded ZooKeeper, local
 * agents or, with {@code --mesos}, a subscription to a Mesos master; scheduler, API), prints deploy
 * progress and keeps running. Ctrl-C stops the scheduler and
 * leaves the service's tasks running; the next {@code run} with the same work dir takes over.
 * A framework's {@code run} runs the service its factory makes.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a service on this machine (embedded ZooKeeper and local agents), or on a Mesos cluster.")
final class RunCommand extends SpecCommand {
    @Mixin
    Flags flags = new Flags();

    /** The flags shared by {@code stratum run}, {@code stratum uninstall} and {@link StratumCli#run(Service, String...)}. */
    static final class Flags {
        @Option(names = "--work-dir", paramLabel = "DIR",
                description = "Where state, agents and sandboxes live (default: .stratum/<service name>).")
        Path workDir;

        @Option(names = "--api-port", paramLabel = "PORT", defaultValue = "8080",
                description = "The API's port (default 8080; 0 picks a free one).")
        int apiPort;

        @Option(names = "--api-host", paramLabel = "ADDRESS", defaultValue = RunOptions.LOOPBACK,
                description = "The address the API listens on (default 127.0.0.1; 0.0.0.0 for all, as Mesos agents on"
                        + " other machines need to fetch config files).")
        String apiHost;

        @Option(names = "--api-url", paramLabel = "URL",
                description = "The API's URL as Mesos agents reach it (default http://ADDRESS:PORT of --api-host and"
                        + " --api-port, with this machine's name for 0.0.0.0).")
        String apiUrl;

        @Option(names = "--api-token", paramLabel = "TOKEN",
                description = "Require 'Authorization: Bearer TOKEN' on mutating API calls (visible to other users in"
                        + " ps: prefer --api-token-file or $STRATUM_API_TOKEN, read when neither flag is given).")
        String apiToken;

        @Option(names = "--api-token-file", paramLabel = "FILE",
                description = "Require the bearer token this file holds on mutating API calls.")
        Path apiTokenFile;

        @Option(names = "--agents", paramLabel = "N", defaultValue = "3", description = "Local agents (default 3).")
        int agents;

        @Option(names = "--zookeeper", paramLabel = "HOST:PORT",
                description = "An external ZooKeeper instead of the embedded one.")
        String zookeeper;

        @Option(names = "--mesos", paramLabel = "URL",
                description = "Run on a Mesos cluster instead of local agents: the master (http://[principal:secret@]HOST:5050)"
                        + " or ZooKeeper holding it (zk://HOST:2181/mesos).")
        String mesos;

        @Option(names = "--mesos-failover-timeout", paramLabel = "DURATION",
                description = "How long Mesos keeps the tasks running while no scheduler is subscribed: a number"
                        + " with s, m, h, d or w (default 4w).")
        String failoverTimeout;

        @Option(names = "--mount-disks", paramLabel = "N:SIZE_MB",
                description = "MOUNT disks per local agent and the size of each in MB (default 2:2048); a volume of"
                        + " type MOUNT uses one whole.")
        String mountDisks;

        @Option(names = "--gpus", paramLabel = "N",
                description = "GPUs per local agent (default 0); accounted only, tasks are not isolated to devices.")
        String gpus;

        @Option(names = "--pre-reserved", paramLabel = "ROLE:CPUS:MEM_MB:DISK_MB",
                description = "Statically reserve that much of each local agent for ROLE, for pods with"
                        + " 'pre-reserved-role: ROLE' (repeatable, one per role).")
        List<String> preReserved;

        @Option(names = "--zones", paramLabel = "ZONE[,ZONE...]",
                description = "Spread the local agents over these fault domain zones, round-robin (e.g."
                        + " us-east-1a,us-east-1b,us-east-1c): what '@zone' placement rules read, and each task's"
                        + " $ZONE and $REGION. Not with --mesos, where each agent has its own.")
        String zones;

        @Option(names = "--region", paramLabel = "REGION",
                description = "The region of the --zones (default " + LocalResources.DEFAULT_REGION + ").")
        String region;

        /** @return the run options the flags say, with {@code env} for the token's default */
        RunOptions options(ServiceSpec spec, Map<String, String> env) {
            if (zookeeper != null) {
                ClusterAddresses.requireZooKeeper(zookeeper);
            }
            if (mesos != null) {
                ClusterAddresses.requireMesos(mesos);
            }
            if (!apiHost.matches("[0-9.]+|[0-9A-Fa-f:]+|[A-Za-z0-9.-]+")) {
                throw CliException.badInput("--api-host: expected an address of this machine, got '" + apiHost + "'");
            }
            URI url = null;
            if (apiUrl != null) {
                try {
                    url = new URI(apiUrl);
                } catch (URISyntaxException e) {
                    throw CliException.badInput("--api-url: not a URL: '" + apiUrl + "' (" + e.getReason() + ")");
                }
            }
            Path dir = workDir != null ? workDir : Path.of(".stratum", spec.name().replace('/', '_'));
            Duration timeout = failoverTimeout == null ? null : duration("--mesos-failover-timeout", failoverTimeout);
            String token = ApiToken.resolve(apiToken, apiTokenFile, env);
            RunOptions options;
            try {
                options = RunOptions.builder(dir.toAbsolutePath()).withApiPort(apiPort).withApiToken(token)
                        .withAgents(agents).withZooKeeper(zookeeper).withMesos(mesos).withApiHost(apiHost).withApiUrl(url)
                        .withMesosFailoverTimeout(timeout).withLocal(LocalFlags.parse(mountDisks, gpus, preReserved, zones, region))
                        .build();
            } catch (RunOptions.InvalidOptionException e) {
                throw badOption(e);
            }
            InputFiles.requireUsableDirectory(workDir != null ? "--work-dir" : "the work dir (--work-dir)", dir);
            return options;
        }

        private static Duration duration(String flag, String text) {
            Matcher m = Pattern.compile("(\\d{1,9})([smhdw])").matcher(text);
            if (!m.matches()) {
                throw CliException.badInput(flag + ": expected a number with s, m, h, d or w (e.g. 1w), got '" + text + "'");
            }
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            };
            if (d.isZero()) {
                throw CliException.badInput(flag + ": must be at least 1s, got '" + text + "'");
            }
            return d;
        }
    }

    RunCommand() {
        this(SpecSource.spec());
    }

    RunCommand(SpecSource source) {
        super(source);
    }

    @Override
    int call(Service service) throws Exception {
        return run(service, flags.options(service.spec(), processEnv()), command.commandLine().getOut());
    }

    /** The flag of a {@link RunOptions} option, by its component name. */
    private static final Map<String, String> FLAGS = Map.ofEntries(Map.entry("workDir", "--work-dir"),
            Map.entry("apiPort", "--api-port"), Map.entry("apiToken", "--api-token"), Map.entry("apiTokenFile", "--api-token-file"), Map.entry("agents", "--agents"),
            Map.entry("zookeeper", "--zookeeper"), Map.entry("mesos", "--mesos"), Map.entry("apiHost", "--api-host"),
            Map.entry("apiUrl", "--api-url"), Map.entry("mesosFailoverTimeout", "--mesos-failover-timeout"),
            Map.entry("mountDisks", "--mount-disks"), Map.entry("gpus", "--gpus"), Map.entry("preReserved", "--pre-reserved"),
            Map.entry("zones", "--zones"), Map.entry("region", "--region"));

    /** @return the refusal of an option as bad input naming its flag */
    static CliException badOption(RunOptions.InvalidOptionException e) {
        return CliException.badInput(FLAGS.getOrDefault(e.option(), e.option()) + ": " + e.getMessage());
    }

    /**
     * A framework's {@code main} as a command: its service run with the flags of {@code stratum run}
     * (for {@link StratumCli#run(Service, String...)}); named after the service.
     */
    @Command(mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "Run this framework's service on this machine (embedded ZooKeeper and local agents), or on a"
                    + " Mesos cluster.")
    static final class FrameworkRun implements Callable<Integer> {
        @Mixin
        Flags flags = new Flags();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec command;

        private final Service service;
        private final Map<String, String> env;

        FrameworkRun(Service service, Map<String, String> env) {
            this.service = service;
            this.env = env;
        }

        @Override
        public Integer call() throws Exception {
            return run(service, flags.options(service.spec(), env), command.commandLine().getOut());
        }
    }

    /**
     * Runs a framework's service with {@code args} parsed as run flags (for {@link StratumCli#run(Service, String...)});
     * a first argument {@code run} (the launcher's {@code ./stratum run FOLDER}) is the command itself.
     */
    static int runService(Service service, Map<String, String> env, PrintWriter out, PrintWriter err, String... args) {
        if (args.length > 0 && args[0].equals("run")) {
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        }
        CommandLine cli = new CommandLine(new FrameworkRun(service, env));
        cli.getCommandSpec().name(service.spec().name());
        return StratumCli.execute(StratumCli.configure(cli, env), args, out, err);
    }

    private static int run(Service service, RunOptions options, PrintWriter out) throws Exception {
        out.println("running " + service.spec().name() + " (work dir " + options.workDir() + ")");
        if (options.mesos() == null) {
            LocalFlags.unreservedRoles(service.spec(), options.local()).forEach(out::println);
            LocalFlags.zonesWithoutAgents(options.local(), options.agents()).forEach(out::println);
        }
        out.flush();
        ServiceRuntime runtime;
        try {
            runtime = service.start(options, out);
        } catch (RunOptions.InvalidOptionException e) {
            throw badOption(e);
        } catch (RunOptions.UnreachableException e) {
            throw CliException.failure(FLAGS.getOrDefault(e.option(), e.option()) + ": " + e.getMessage());
        } catch (IOException e) {
            throw CliException.failure(CliErrors.withoutTypeNames(e));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            out.println("stopping the scheduler; the service's tasks keep running (run again to take over)");
            out.flush();
            runtime.close();
            stopped.countDown();
        }, "stratum-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        runtime.printProgressUntilStopped(); // through losses of leadership, until the hook closes it
        stopped.await();
        return StratumCli.OK;
    }
}
