package io.stratum.examples.cassandra;

import io.stratum.sdk.cli.StratumCli;
import io.stratum.sdk.service.Service;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.SpecException;
import io.stratum.sdk.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The Cassandra framework: Apache Cassandra 5.0 nodes as the pod {@code node} of a Stratum
 * service, with the DC/OS Cassandra service's plans ({@code deploy}, {@code repair},
 * {@code cleanup}, {@code backup}, {@code restore}) and its config rules ({@link FixedOptions}).
 * Run with the flags of {@code stratum run}: {@code ./stratum run examples/cassandra --env NODES=1}.
 */
public final class Cassandra {
    /** The pod type of the nodes. */
    static final String NODE = "node";
    /** The node's long-running task: the Cassandra daemon. */
    static final String SERVER = "server";
    /** The YAML path of the server task's environment, where the options are. */
    static final String SERVER_ENV = "pods." + NODE + ".tasks." + SERVER + ".env";

    private Cassandra() {}

    /**
     * @param specFile the framework's spec ({@code svc.yml})
     * @param env      the template environment given (the process's, {@code --env-file}, {@code --env}),
     *                 over the defaults of {@code options.env}
     * @return the framework, for the spec rendered with its options
     * @throws SpecException if the spec has problems, or no JDK or node classpath for the nodes is found
     */
    public static Service service(Path specFile, Map<String, String> env) throws IOException, SpecException {
        return service(specFile, env, Installation.ofThisFramework(), JdkFinder.ofThisMachine());
    }

    /** {@link #service(Path, Map)} with the framework's files and JDKs found elsewhere (for tests). */
    static Service service(Path specFile, Map<String, String> env, Installation installation, JdkFinder jdks)
            throws IOException, SpecException {
        RingOfOne ringOfOne = new RingOfOne();
        ServiceSpec spec = SpecLoader.builder()
                .withEnv(Options.resolve(specFile, env, installation, jdks))
                .withRule(ringOfOne)
                .build()
                .load(specFile);
        return Service.builder(spec)
                .configValidator(new FixedOptions())
                .configValidator(ringOfOne)
                .build();
    }

    /**
     * Runs the framework ({@code ./stratum run examples/cassandra}): the first argument may name the
     * spec (default {@code svc.yml}), then {@code --env K=V} for its options and the run flags.
     */
    public static void main(String[] args) {
        System.exit(StratumCli.run(Path.of("svc.yml"), Cassandra::service, args));
    }
}
