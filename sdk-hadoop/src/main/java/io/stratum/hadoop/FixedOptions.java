package io.stratum.hadoop;

import io.stratum.sdk.spec.ConfigValidator;
import io.stratum.sdk.spec.PodSpec;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.SpecRule;
import io.stratum.sdk.spec.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a running file system keeps for life: a config update changing the nameservice's name or
 * the number of journal nodes is refused, naming the option. The nameservice is in the name nodes'
 * metadata (its cluster id), in the journal nodes' journal id and in every client's configuration;
 * the journal quorum's URI is in the name nodes' shared edits, and HDFS cannot move its edit log to
 * another set of journal nodes in place. Stateless.
 */
final class FixedOptions implements ConfigValidator {
    @Override
    public List<SpecRule.Violation> validate(ServiceSpec current, ServiceSpec proposed) {
        List<SpecRule.Violation> violations = new ArrayList<>();
        String was = nameservice(current);
        String is = nameservice(proposed);
        if (was != null && !Objects.equals(was, is)) {
            violations.add(new SpecRule.Violation(Hdfs.envPath(Hdfs.JOURNAL) + ".NAMESERVICE", "NAMESERVICE can't change"
                    + " from '" + was + "' to '" + (is == null ? "" : is) + "' on a running file system: the name nodes'"
                    + " metadata, the journal nodes' journal and every client's configuration name it"));
        }
        PodSpec journalsBefore = current.pod(Hdfs.JOURNAL);
        PodSpec journalsAfter = proposed.pod(Hdfs.JOURNAL);
        if (journalsBefore != null && journalsAfter != null && journalsBefore.count() != journalsAfter.count()) {
            violations.add(new SpecRule.Violation("pods." + Hdfs.JOURNAL + ".count", "JOURNAL_NODES can't change from "
                    + journalsBefore.count() + " to " + journalsAfter.count() + " on a running file system: the name"
                    + " nodes keep their edit log on that quorum of journal nodes, which HDFS can't change in place"));
        }
        return violations;
    }

    private static String nameservice(ServiceSpec spec) {
        PodSpec journal = spec.pod(Hdfs.JOURNAL);
        TaskSpec node = journal == null ? null : journal.task(Hdfs.NODE);
        return node == null ? null : node.env().get("NAMESERVICE");
    }
}
