package io.stratum.sdk.discovery;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The ZooKeeper a service's scheduler keeps its state in, as the service's tasks reach it, with a
 * node of the service's own for them: for daemons that coordinate through ZooKeeper (HDFS's ZKFCs,
 * Kafka, ...). Every task's environment holds it as {@value #CONNECT_VARIABLE} and
 * {@value #PATH_VARIABLE}; a {@link TaskEnvironment} reads it as {@link TaskContext#zookeeper()}.
 *
 * <p>The node, {@code /stratum/<service name, percent-encoded>/tasks}, exists before any task
 * launches and is the tasks' alone: the scheduler's own state is beside it (in {@code data},
 * {@code blobs}, {@code leader}, {@code schema-version} of the same parent), never in it, and
 * reads nothing from it. {@code uninstall} deletes it with everything under it. Use it as a parent
 * ({@code ha.zookeeper.parent-znode}) or as a chroot ({@link #chrooted}, Kafka's
 * {@code zookeeper.connect}).
 *
 * <p>With the embedded ZooKeeper of a {@code local} run, {@link #connectString()} is
 * {@code 127.0.0.1:<port>}, reachable from every local agent's tasks (processes of this machine),
 * and the port is kept across runs of the same work dir. With {@code --zookeeper} it is that
 * connect string without a chroot (a chroot is prefixed to {@link #path()} instead). The test
 * harness gives a fixed placeholder (see {@code ServiceTestRunner}). Immutable.
 *
 * @param connectString the servers, {@code host:port[,host:port...]}, without a chroot
 * @param path          the absolute path of the node reserved for the service's tasks, no trailing {@code /}
 */
public record ServiceZooKeeper(String connectString, String path) {
    /** The variable every task finds {@link #connectString()} in. */
    public static final String CONNECT_VARIABLE = "STRATUM_ZOOKEEPER";
    /** The variable every task finds {@link #path()} in. */
    public static final String PATH_VARIABLE = "STRATUM_ZOOKEEPER_PATH";

    private static final Pattern PATH = Pattern.compile("(/(?!\\.\\.?(?:/|$))[^/\\s]+)+");

    /** @throws IllegalArgumentException if the connect string is blank or holds a {@code /}, or the path is not absolute */
    public ServiceZooKeeper {
        Objects.requireNonNull(connectString, "connectString");
        Objects.requireNonNull(path, "path");
        if (connectString.isBlank() || connectString.contains("/")) {
            throw new IllegalArgumentException("a ZooKeeper connect string is host:port[,host:port...] without a"
                    + " chroot, got '" + connectString + "'");
        }
        if (!PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("a ZooKeeper path is absolute, without empty, . or .. parts or a trailing /,"
                    + " got '" + path + "'");
        }
    }

    /**
     * @param child a path relative to {@link #path()}, e.g. {@code kafka} or {@code hdfs/ha}
     * @return the connect string with {@code path()/child} as its chroot, e.g.
     *     {@code 10.0.0.1:2181,10.0.0.2:2181/stratum/kafka/tasks/kafka}: what a client that takes
     *     a chroot in its connect string (Kafka's {@code zookeeper.connect}) is given
     */
    public String chrooted(String child) {
        return connectString + path(child);
    }

    /**
     * @param child a path relative to {@link #path()}, e.g. {@code hdfs}
     * @return {@code path()/child}
     * @throws IllegalArgumentException if {@code child} is empty, absolute, or has empty, {@code .} or {@code ..} parts
     */
    public String path(String child) {
        String joined = path + "/" + child;
        if (child.startsWith("/") || !PATH.matcher(joined).matches()) {
            throw new IllegalArgumentException("expected a relative path like 'a' or 'a/b', got '" + child + "'");
        }
        return joined;
    }
}
