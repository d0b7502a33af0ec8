package io.stratum.sdk.internal.plan;

import io.stratum.sdk.spec.Strategy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides which children of a phase or plan may be worked on, and holds the operator's controls:
 * interrupt, continue and canary approvals.
 *
 * <ul>
 *   <li>serial: the first unfinished child only.</li>
 *   <li>parallel: every unfinished child.</li>
 *   <li>canary and serial-canary: the first child waits for a {@code continue}, then the second
 *       waits for another, then the rest go one by one; parallel-canary: the same two canaries,
 *       then the rest all at once.</li>
 *   <li>dependency: a child goes once the children it depends on ({@link #dependsOn}) are
 *       complete; without dependencies it behaves like parallel.</li>
 * </ul>
 *
 * <p>An interrupted strategy offers nothing until {@link #proceed()}. Thread-safe.
 */
public final class ExecutionStrategy {
    /** How many children of a canary strategy each wait for their own {@code continue}. */
    public static final int CANARY_STEPS = 2;

    private final Strategy kind;
    private final Map<String, Set<String>> dependencies = new HashMap<>();
    private final Revision revision = new Revision();
    private boolean interrupted;
    private int approvals;

    private ExecutionStrategy(Strategy kind) {
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** @return a fresh strategy of this kind, not interrupted, with no canary approved */
    public static ExecutionStrategy of(Strategy kind) {
        return new ExecutionStrategy(kind);
    }

    public Strategy kind() {
        return kind;
    }

    /** Declares that child {@code child} may start only once {@code prerequisite} is complete. */
    public synchronized ExecutionStrategy dependsOn(String child, String prerequisite) {
        dependencies.computeIfAbsent(child, k -> new HashSet<>()).add(prerequisite);
        revision.bump();
        return this;
    }

    public synchronized void interrupt() {
        interrupted = true;
        revision.bump();
    }

    /** {@code continue}: lifts an interrupt and approves the next waiting canary. */
    public synchronized void proceed() {
        interrupted = false;
        if (isCanary() && approvals < CANARY_STEPS) {
            approvals++;
        }
        revision.bump();
    }

    public synchronized boolean isInterrupted() {
        return interrupted;
    }

    synchronized int approvals() {
        return approvals;
    }

    synchronized void restore(boolean restoredInterrupted, int restoredApprovals) {
        interrupted = restoredInterrupted;
        approvals = restoredApprovals;
        revision.bump();
    }

    /** Forgets interrupts and approvals (a plan restart). */
    synchronized void reset() {
        interrupted = false;
        approvals = 0;
        revision.bump();
    }

    /** @return the change counter of this strategy, joined into its phase's or plan's */
    Revision revision() {
        return revision;
    }

    private boolean isCanary() {
        return kind == Strategy.CANARY || kind == Strategy.SERIAL_CANARY || kind == Strategy.PARALLEL_CANARY;
    }

    /** @return whether the children wait for an operator's {@code continue} */
    public synchronized boolean isWaiting(List<? extends PlanElement> children) {
        if (interrupted) {
            return children.stream().anyMatch(c -> !c.isComplete());
        }
        int first = firstUnfinished(children);
        return isCanary() && first >= 0 && first < CANARY_STEPS && approvals <= first
                && children.get(first).status().isPending();
    }

    /** @return the children that may be worked on now, in order */
    public synchronized <E extends PlanElement> List<E> candidates(List<E> children) {
        int first = firstUnfinished(children);
        if (interrupted || first < 0) {
            return List.of();
        }
        if (isCanary() && first < CANARY_STEPS) {
            return approvals > first ? List.of(children.get(first)) : List.of();
        }
        return switch (kind) {
            case SERIAL, CANARY, SERIAL_CANARY -> List.of(children.get(first));
            case PARALLEL, PARALLEL_CANARY -> unfinished(children);
            case DEPENDENCY -> ready(children);
        };
    }

    private static int firstUnfinished(List<? extends PlanElement> children) {
        for (int i = 0; i < children.size(); i++) {
            if (!children.get(i).isComplete()) {
                return i;
            }
        }
        return -1;
    }

    private static <E extends PlanElement> List<E> unfinished(List<E> children) {
        return children.stream().filter(c -> !c.isComplete()).toList();
    }

    private <E extends PlanElement> List<E> ready(List<E> children) {
        Set<String> complete = new HashSet<>();
        children.stream().filter(PlanElement::isComplete).forEach(c -> complete.add(c.name()));
        List<E> out = new ArrayList<>();
        for (E child : children) {
            if (!child.isComplete() && complete.containsAll(dependencies.getOrDefault(child.name(), Set.of()))) {
                out.add(child);
            }
        }
        return out;
    }
}
