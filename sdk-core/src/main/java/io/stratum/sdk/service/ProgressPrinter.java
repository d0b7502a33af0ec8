package io.stratum.sdk.service;

import io.stratum.sdk.internal.plan.Phase;
import io.stratum.sdk.internal.plan.Plan;
import io.stratum.sdk.plan.Status;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Prints a plan's progress as it changes: one line per phase whose status or step count moved,
 * e.g. {@code deploy/hello-deploy: 1/2 steps complete (IN_PROGRESS)}, and a line when the plan
 * completes.
 */
final class ProgressPrinter {
    private final Supplier<Plan> plan;
    private final PrintWriter out;
    private final Map<String, String> lastLine = new HashMap<>();
    private Status lastPlanStatus;

    ProgressPrinter(Supplier<Plan> plan, PrintWriter out) {
        this.plan = plan;
        this.out = out;
    }

    void print() {
        Plan current = plan.get();
        for (Phase phase : current.phases()) {
            long done = phase.steps().stream().filter(s -> s.status() == Status.COMPLETE).count();
            String line = current.name() + "/" + phase.name() + ": " + done + "/" + phase.steps().size()
                    + " steps complete (" + phase.status() + ")";
            if (!line.equals(lastLine.put(phase.name(), line))) {
                out.println(line);
            }
        }
        Status status = current.status();
        if (status != lastPlanStatus) {
            lastPlanStatus = status;
            if (status == Status.COMPLETE) {
                out.println(current.name() + ": COMPLETE");
            } else if (status == Status.ERROR) {
                out.println(current.name() + ": ERROR " + current.errors());
            }
        }
        out.flush();
    }
}
