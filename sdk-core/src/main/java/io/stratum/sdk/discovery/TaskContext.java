package io.stratum.sdk.discovery;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One task about to be launched, as a {@link TaskEnvironment} sees it: which task, where, on which
 * ports, with which environment so far, and where every other placed pod instance of the service
 * is. Immutable.
 *
 * @param serviceName the service's name
 * @param podType     the task's pod type
 * @param index       its pod instance's index
 * @param taskName    the task's name within its pod
 * @param host        the address of the agent it is launched on
 * @param ports       its ports by port name
 * @param environment the variables it is launched with so far: the spec's {@code env}, its ports,
 *                    {@code POD_INSTANCE_INDEX}, the discovery variables, the parameters of the
 *                    plan launching it, on a replacement {@value #REPLACED_ADDRESS}, and
 *                    {@value ServiceZooKeeper#CONNECT_VARIABLE} and {@value ServiceZooKeeper#PATH_VARIABLE}
 *                    (not those every backend adds: {@code TASK_ID}, ...)
 * @param instances   every pod instance of the service placed now, its own included, by pod type
 *                    (in spec order) and index; of every pod, discoverable or not
 * @param replacedAddress on a launch that replaces its pod instance ({@code stratum pod replace}, or
 *                    the recovery of a permanently failed instance), the address of the agent the
 *                    instance ran on before, which its environment holds as
 *                    {@value #REPLACED_ADDRESS}; empty on every other launch (the first, a restart
 *                    in place, a relaunch after a crash, a config update). A replacement may land
 *                    on its old agent again, with fresh resources: then it is {@link #host()}.
 * @param zookeeper   the service's ZooKeeper as the task reaches it, with the node reserved for the
 *                    service's tasks (its environment holds them as
 *                    {@value ServiceZooKeeper#CONNECT_VARIABLE} and {@value ServiceZooKeeper#PATH_VARIABLE}),
 *                    e.g. for HDFS's {@code ha.zookeeper.quorum} and {@code ha.zookeeper.parent-znode}
 */
public record TaskContext(String serviceName, String podType, int index, String taskName, String host,
        Map<String, Long> ports, Map<String, String> environment, List<PodAddress> instances,
        Optional<String> replacedAddress, ServiceZooKeeper zookeeper) {

    /**
     * The variable a replacement's tasks find {@link #replacedAddress()} in (Cassandra passes it as
     * {@code -Dcassandra.replace_address_first_boot}); set by the scheduler on every backend, only
     * on a replacement's launch.
     */
    public static final String REPLACED_ADDRESS = "STRATUM_REPLACED_ADDRESS";

    public TaskContext {
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(podType, "podType");
        Objects.requireNonNull(taskName, "taskName");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(replacedAddress, "replacedAddress");
        Objects.requireNonNull(zookeeper, "zookeeper");
        ports = Collections.unmodifiableMap(new LinkedHashMap<>(ports));
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        instances = List.copyOf(instances);
    }

    /** @return the task's pod instance name, {@code <podType>-<index>} */
    public String podInstanceName() {
        return podType + "-" + index;
    }

    /** @return the placed instances of {@code pod}, by index (empty for a pod with none, or no such pod) */
    public List<PodAddress> instancesOf(String pod) {
        return instances.stream().filter(a -> a.podType().equals(pod)).toList();
    }

    /** @return instance {@code instanceIndex} of {@code pod}, if it is placed */
    public Optional<PodAddress> instance(String pod, int instanceIndex) {
        return instances.stream().filter(a -> a.podType().equals(pod) && a.index() == instanceIndex).findFirst();
    }
}
