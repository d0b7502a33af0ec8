package io.stratum.sdk.discovery;

import java.util.Map;

/**
 * A framework's addition to each task's environment, computed at launch, when the task's agent, its
 * ports and every placed pod instance's address are known: what a spec's {@code env} and the
 * discovery variables cannot say (an HDFS {@code qjournal://} URI of every journal node, an etcd
 * {@code initial-cluster}, Cassandra seeds chosen by rack). Its variables reach the task's
 * environment and its config templates, on every backend.
 *
 * <pre>{@code
 * TaskEnvironment journals = task -> Map.of("QJOURNAL", "qjournal://" + task.instancesOf("journal").stream()
 *         .map(j -> j.endpoint("rpc")).collect(Collectors.joining(";")) + "/hdfs");
 * Service.builder(spec).taskEnvironment(journals).build();
 * }</pre>
 *
 * <p>Its variables win over the spec's {@code env}, the ports' and the discovery variables; not over
 * the service's ZooKeeper ({@code STRATUM_ZOOKEEPER}, {@code STRATUM_ZOOKEEPER_PATH}: read it from
 * {@link TaskContext#zookeeper()} to compose variables of your own) nor those every backend sets
 * last ({@code TASK_NAME}, {@code TASK_ID}, {@code STRATUM_AGENT_ID}, {@code STRATUM_AGENT_ADDRESS}). Names must be environment variable names ({@code [A-Za-z_][A-Za-z0-9_]*}),
 * values not null.
 *
 * <p>Called on the scheduler's thread for every task launch, relaunches included: it must be quick,
 * thread-safe and a function of its argument. Failure: when it throws or returns a bad name or
 * value, that pod instance is not launched; the step stays pending, and its reason, naming the task
 * and the problem, is what {@code explain} and {@code /v1/debug/offers} show. It is tried again at
 * the next offers.
 */
@FunctionalInterface
public interface TaskEnvironment {

    /**
     * @param task the task being launched
     * @return variables to add to its environment (may be empty, never null)
     */
    Map<String, String> variables(TaskContext task);
}
