package io.stratum.hadoop;

import io.stratum.sdk.spec.ConfigValidator;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.SpecRule;
import io.stratum.sdk.spec.TaskSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape an HA file system needs, checked when the spec is loaded and on every config update:
 * an odd number of journal nodes, 3 or more (the edit log needs a majority of them); exactly
 * {@value Hdfs#NAME_NODES} name nodes (the HA ids {@code name-0-node} and {@code name-1-node} the
 * configs name); and a ZooKeeper for the ZKFCs ({@code ZOOKEEPER}), which this SDK does not give
 * tasks yet. Stateless.
 */
final class Topology implements SpecRule, ConfigValidator {
    @Override
    public List<Violation> check(ServiceSpec spec) {
        List<Violation> violations = new ArrayList<>();
        PodSpec journal = spec.pod(Hdfs.JOURNAL);
        if (journal == null || spec.pod(Hdfs.NAME) == null || spec.pod(Hdfs.DATA) == null) {
            violations.add(new Violation("pods", "an HDFS service needs the pods journal, name and data"));
            return violations;
        }
        if (journal.count() < 3 || journal.count() % 2 == 0) {
            violations.add(new Violation("pods." + Hdfs.JOURNAL + ".count", "JOURNAL_NODES=" + journal.count()
                    + ": the journal nodes need to be an odd number, 3 or more (the name nodes' edits need a majority"
                    + " of them)"));
        }
        PodSpec name = spec.pod(Hdfs.NAME);
        if (name.count() != Hdfs.NAME_NODES) {
            violations.add(new Violation("pods." + Hdfs.NAME + ".count", "the name pod has " + name.count()
                    + " instances: HA HDFS here has exactly " + Hdfs.NAME_NODES + " name nodes, name-0-node and name-1-node"));
        }
        TaskSpec zkfc = name.task(Hdfs.ZKFC);
        String zookeeper = zkfc == null ? null : zkfc.env().get("ZOOKEEPER");
        if (zkfc != null && (zookeeper == null || zookeeper.isBlank())) {
            violations.add(new Violation("pods." + Hdfs.NAME + ".tasks." + Hdfs.ZKFC + ".env.ZOOKEEPER", "ZOOKEEPER is"
                    + " empty: the ZKFCs elect the active name node in a ZooKeeper; give its connect string with --env"
                    + " ZOOKEEPER=host:port (the --zookeeper this service runs with, say: this SDK does not tell tasks"
                    + " where the service's own ZooKeeper is yet)"));
        }
        return violations;
    }

    @Override
    public List<Violation> validate(ServiceSpec current, ServiceSpec proposed) {
        return check(proposed);
    }
}
