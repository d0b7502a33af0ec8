package io.stratum.sdk.service;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run a service: where its state lives, where its API listens and which cluster its tasks
 * run on. Build one with {@link #builder(Path)}; every option but the work dir has a default. A bad
 * value is an {@link InvalidOptionException} naming the option by its component name
 * ({@code apiPort}, {@code agents}, ...); the CLI turns that name into its flag.
 *
 * @param workDir   where the embedded ZooKeeper, the local agents and their tasks keep their data
 * @param apiPort   the API's port, 0-65535 (0 picks a free one; default 8080)
 * @param apiToken  a bearer token required by mutating API calls, or null (default)
 * @param agents    the number of local agents, 1-200 (default 3)
 * @param zookeeper {@code host:port} of an external ZooKeeper, or null for the embedded one (default)
 * @param mesos     a Mesos master ({@code http://host:5050}) or ZooKeeper to find it in
 *                  ({@code zk://host:2181/mesos}) to run on, or null for the local agents (default)
 * @param apiHost   the address the API listens on: {@value #LOOPBACK} (loopback only, the default)
 *                  or another address of this machine, {@code 0.0.0.0} for all
 * @param apiUrl    the API's URL as Mesos agents reach it, to fetch config files from; null for
 *                  {@code http://<apiHost>:<port>} (this machine's name when {@code apiHost} is 0.0.0.0)
 * @param mesosFailoverTimeout how long Mesos keeps the tasks while no scheduler is subscribed, at
 *                  least 1 s, or null for the backend's default (4 weeks)
 * @param local     the local agents' MOUNT disks, GPUs and static reservations (ignored on Mesos)
 *                  and zones (refused with {@code mesos}: a Mesos agent's zone is its own fault
 *                  domain, which the master tells)
 */
public record RunOptions(Path workDir, int apiPort, String apiToken, int agents, String zookeeper, String mesos,
        String apiHost, URI apiUrl, Duration mesosFailoverTimeout, LocalResources local) {
    /** The API's address unless told otherwise: loopback. */
    public static final String LOOPBACK = "127.0.0.1";

    /** @throws InvalidOptionException naming the first option out of range, or {@code zones} given with {@code mesos} */
    public RunOptions {
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(apiHost, "apiHost");
        if (apiPort < 0 || apiPort > 65_535) {
            throw new InvalidOptionException("apiPort", "must be 0-65535, got " + apiPort);
        }
        if (agents < 1 || agents > 200) {
            throw new InvalidOptionException("agents", "must be 1-200, got " + agents);
        }
        if (apiUrl != null && (!("http".equals(apiUrl.getScheme()) || "https".equals(apiUrl.getScheme()))
                || apiUrl.getHost() == null)) {
            throw new InvalidOptionException("apiUrl", "expected http://HOST:PORT, got '" + apiUrl + "'");
        }
        if (mesosFailoverTimeout != null && mesosFailoverTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new InvalidOptionException("mesosFailoverTimeout", "must be at least 1s, got " + mesosFailoverTimeout);
        }
        if (mesos != null && !local.zones().isEmpty()) {
            throw new InvalidOptionException("zones", "the local agents' zones do not apply on Mesos, where each agent's"
                    + " zone is its fault domain (the agent's --domain)");
        }
    }

    /** @return a builder of options over {@code workDir}, every other option at its default */
    public static Builder builder(Path workDir) {
        return new Builder(workDir);
    }

    /** @return a builder starting from these options */
    public Builder toBuilder() {
        return new Builder(workDir).withApiPort(apiPort).withApiToken(apiToken).withAgents(agents)
                .withZooKeeper(zookeeper).withMesos(mesos).withApiHost(apiHost).withApiUrl(apiUrl)
                .withMesosFailoverTimeout(mesosFailoverTimeout).withLocal(local);
    }

    /**
     * A run option with a bad value. {@link #option()} names it as {@link RunOptions} and
     * {@link LocalResources} do ({@code apiPort}, {@code preReserved}, ...); the message says what
     * is wrong without the option's name.
     */
    public static final class InvalidOptionException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String option;

        /**
         * @param option  the option's component name
         * @param problem what is wrong with its value, for a person
         */
        public InvalidOptionException(String option, String problem) {
            super(problem);
            this.option = Objects.requireNonNull(option, "option");
        }

        /** @return the option's component name, e.g. {@code apiPort} */
        public String option() {
            return option;
        }
    }

    /**
     * What a run option names could not be reached (a ZooKeeper that does not answer, say): not a
     * bad value, but nothing can start without it. {@link #option()} names it as
     * {@link InvalidOptionException#option()} does.
     */
    public static final class UnreachableException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String option;

        /**
         * @param option  the option's component name
         * @param problem what could not be reached, for a person
         */
        public UnreachableException(String option, String problem, Throwable cause) {
            super(problem, cause);
            this.option = Objects.requireNonNull(option, "option");
        }

        /** @return the option's component name, e.g. {@code zookeeper} */
        public String option() {
            return option;
        }
    }

    /** Collects options; not thread-safe. */
    public static final class Builder {
        private Path workDir;
        private int apiPort = 8080;
        private String apiToken;
        private int agents = 3;
        private String zookeeper;
        private String mesos;
        private String apiHost = LOOPBACK;
        private URI apiUrl;
        private Duration mesosFailoverTimeout;
        private LocalResources local = LocalResources.defaults();

        private Builder(Path workDir) {
            this.workDir = Objects.requireNonNull(workDir, "workDir");
        }

        /** @param dir where the service's state, agents and sandboxes live */
        public Builder withWorkDir(Path dir) {
            workDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /** @param port the API's port, 0 for a free one */
        public Builder withApiPort(int port) {
            apiPort = port;
            return this;
        }

        /** @param token the bearer token mutating API calls need, or null for none */
        public Builder withApiToken(String token) {
            apiToken = token;
            return this;
        }

        /** @param count the number of local agents */
        public Builder withAgents(int count) {
            agents = count;
            return this;
        }

        /** @param connectString an external ZooKeeper ({@code host:port,...}), or null for the embedded one */
        public Builder withZooKeeper(String connectString) {
            zookeeper = connectString;
            return this;
        }

        /** @param master the Mesos master or {@code zk://} URL to run on, or null for the local agents */
        public Builder withMesos(String master) {
            mesos = master;
            return this;
        }

        /** @param address the address the API listens on */
        public Builder withApiHost(String address) {
            apiHost = Objects.requireNonNull(address, "address");
            return this;
        }

        /** @param url the API's URL as agents reach it, or null for its bound address */
        public Builder withApiUrl(URI url) {
            apiUrl = url;
            return this;
        }

        /** @param timeout the Mesos failover timeout, or null for the default */
        public Builder withMesosFailoverTimeout(Duration timeout) {
            mesosFailoverTimeout = timeout;
            return this;
        }

        /** @param resources what each local agent offers besides its share of the machine */
        public Builder withLocal(LocalResources resources) {
            local = Objects.requireNonNull(resources, "resources");
            return this;
        }

        /** @throws InvalidOptionException naming the first option out of range */
        public RunOptions build() {
            return new RunOptions(workDir, apiPort, apiToken, agents, zookeeper, mesos, apiHost, apiUrl,
                    mesosFailoverTimeout, local);
        }
    }
}
