package io.stratum.sdk.backend.mesos;

/**
 * A launch the backend cannot express in Mesos terms (a check on a port the task lacks, too little
 * in the offer for the default executor): its tasks are reported {@code ERROR} with this message
 * and nothing of the launch is sent.
 */
final class LaunchRejected extends Exception {
    private static final long serialVersionUID = 1L;

    LaunchRejected(String message) {
        super(message);
    }
}
