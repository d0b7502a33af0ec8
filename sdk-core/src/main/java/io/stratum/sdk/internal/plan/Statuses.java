package io.stratum.sdk.internal.plan;

import io.stratum.sdk.plan.Status;

import java.util.List;

/** How a phase's or plan's status follows from its children, its strategy and its errors. */
final class Statuses {
    private Statuses() {}

    static Status aggregate(List<? extends PlanElement> children, ExecutionStrategy strategy, List<String> errors) {
        if (!errors.isEmpty()) {
            return Status.ERROR;
        }
        List<Status> statuses = children.stream().map(PlanElement::status).toList();
        if (statuses.stream().allMatch(s -> s == Status.COMPLETE)) {
            return Status.COMPLETE;
        }
        if (statuses.contains(Status.ERROR)) {
            return Status.ERROR;
        }
        if (strategy.isWaiting(children)) {
            return Status.WAITING;
        }
        if (statuses.stream().anyMatch(Status::isRunning)) {
            return Status.IN_PROGRESS;
        }
        if (statuses.contains(Status.DELAYED)) {
            return Status.DELAYED;
        }
        if (statuses.contains(Status.COMPLETE)) {
            return Status.IN_PROGRESS;
        }
        if (statuses.contains(Status.WAITING)) {
            return Status.WAITING;
        }
        return Status.PENDING;
    }
}
