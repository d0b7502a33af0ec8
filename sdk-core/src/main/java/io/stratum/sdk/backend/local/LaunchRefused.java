package io.stratum.sdk.backend.local;

import io.stratum.sdk.backend.TaskState;

/** A task that could not be launched, with the terminal state to report it in and why. */
final class LaunchRefused extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient TaskState state;

    /**
     * @param state   {@link TaskState#ERROR} for a launch that could never work, {@link TaskState#FAILED}
     *                for one whose process did not start
     * @param message why, for the task's status
     */
    LaunchRefused(TaskState state, String message) {
        super(message);
        this.state = state;
    }

    TaskState state() {
        return state;
    }
}
