package io.stratum.hadoop;

import io.stratum.sdk.cli.StratumCli;
import io.stratum.sdk.service.Service;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.SpecException;
import io.stratum.sdk.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The HDFS framework: highly available Apache Hadoop HDFS 3.4 as a Stratum service, with the DC/OS
 * HDFS service's pods ({@code journal} × 3, {@code name} × 2 with their ZKFCs, {@code data} × N) and
 * plans ({@code deploy}, {@code update}). Run with the flags of {@code stratum run}:
 * {@code ./stratum run sdk-hadoop --env ZOOKEEPER=127.0.0.1:2181}.
 *
 * <p>What it adds to its spec: the daemons' JDK and classpath when not given ({@link Installation}),
 * the journal quorum's URI and each name node's HA id at launch ({@link HdfsEnvironment}), the
 * options HDFS cannot change in place ({@link FixedOptions}), the rules a spec must keep
 * ({@link Topology}), and the client configuration users fetch ({@link ClientConfig}).
 */
public final class Hdfs {
    /** The journal nodes' pod type. */
    static final String JOURNAL = "journal";
    /** The name nodes' pod type. */
    static final String NAME = "name";
    /** The data nodes' pod type. */
    static final String DATA = "data";
    /** Every pod's daemon. */
    static final String NODE = "node";
    /** The name pod's failover controller. */
    static final String ZKFC = "zkfc";
    /** The name node count of an HA nameservice here (ids {@code name-0-node}, {@code name-1-node}). */
    static final int NAME_NODES = 2;
    /** The YAML path of a pod's daemon's environment, where the options are. */
    static String envPath(String pod) {
        return "pods." + pod + ".tasks." + NODE + ".env";
    }

    private Hdfs() {}

    /**
     * @param specFile the framework's spec ({@code svc.yml})
     * @param env      the template environment: {@code options.env}'s defaults under the given
     *                 environment, and {@link #computed(Map) what the framework found}
     * @return the framework, for the spec rendered with its options
     * @throws SpecException if the spec has problems, or the daemons' JDK or classpath is missing
     */
    public static Service service(Path specFile, Map<String, String> env) throws IOException, SpecException {
        Installation.check(specFile, env);
        Topology topology = new Topology();
        ServiceSpec spec = SpecLoader.builder().withEnv(env).withRule(topology).build().load(specFile);
        ClientConfig client = new ClientConfig(spec.pod(JOURNAL).task(NODE).env().get("NAMESERVICE"));
        return Service.builder(spec)
                .configValidator(new FixedOptions())
                .configValidator(topology)
                .taskEnvironment(new HdfsEnvironment())
                .endpoint(ClientConfig.HDFS_SITE_ROUTE, client.route(ClientConfig.File.HDFS_SITE))
                .endpoint(ClientConfig.CORE_SITE_ROUTE, client.route(ClientConfig.File.CORE_SITE))
                .build();
    }

    /**
     * What the framework finds itself, for the variables no option set (see {@link Installation}):
     * the daemons' JDK (the scheduler's own), their classpath and web app folders (the build's).
     */
    public static Map<String, String> computed(Map<String, String> env) {
        return Installation.ofThisFramework().computed();
    }

    /**
     * Runs the framework ({@code ./stratum run sdk-hadoop}): the first argument may name a command
     * ({@code run}, {@code validate}, {@code update}, {@code uninstall}) and the spec (default
     * {@code svc.yml}), then {@code --env K=V} for its options and the command's flags.
     */
    public static void main(String[] args) {
        System.exit(StratumCli.run(Path.of("svc.yml"), Hdfs::service, Hdfs::computed, args));
    }
}
