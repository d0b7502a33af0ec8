package io.stratum.sdk.internal.check;

import io.stratum.sdk.spec.CheckSpec;
import java.net.http.HttpClient;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Runs health and readiness checks for many tasks; one per backend.
 *
 * <p>{@link #start} starts one check of one task: the first probe after the spec's {@code delay},
 * then one every {@code interval} after the previous one finished (checks of one task never
 * overlap), each bounded by {@code timeout}. A command runs as {@code /bin/sh -c} in the task's
 * sandbox with the task's environment, in its own process group (killed whole when it overruns),
 * and passes on exit 0; its output goes to {@code <sandbox>/.stratum/<kind>-check.out}. HTTP
 * passes on a 2xx or 3xx answer to a GET (redirects are not followed; {@code https} trusts what
 * the JVM trusts); TCP when a connection opens. The context's environment is the command's whole
 * environment: pass the task's.
 *
 * <p>Thread-safe. Listeners are called on the scheduler. {@link #close()} stops every check it
 * started; it shuts down the scheduler only if the runner created it.
 *
 * <pre>{@code
 * try (CheckRunner checks = CheckRunner.builder().withScheduler(scheduler).build()) {
 *     RunningCheck health = checks.start(CheckKind.HEALTH, spec, context, backend::onCheck);
 *     ...
 *     health.close(); // the task ended
 * }
 * }</pre>
 */
public interface CheckRunner extends AutoCloseable {

    /** @return a builder; every option has a default */
    static Builder builder() {
        return new Builder();
    }

    /**
     * Starts checking a task.
     *
     * @param kind     health or readiness
     * @param spec     what and when to check
     * @param context  the task checked
     * @param listener where results go
     * @return the running check; close it when the task ends
     * @throws IllegalArgumentException if the probe names a port the task does not have
     * @throws IllegalStateException    if the runner is closed, or a command check cannot find
     *                                  {@code setsid}
     */
    RunningCheck start(CheckKind kind, CheckSpec spec, CheckContext context, CheckListener listener);

    /** Stops every running check (see {@link RunningCheck#close()}) and releases the runner's threads. */
    @Override
    void close();

    /** Options of a {@link CheckRunner}. */
    final class Builder {
        ScheduledExecutorService scheduler;
        InstantSource clock = InstantSource.system();
        HttpClient httpClient;

        Builder() {}

        /**
         * @param scheduler where checks are timed and listeners called; the runner does not shut
         *                  it down (default: a single daemon thread of the runner's own)
         * @return this
         */
        public Builder withScheduler(ScheduledExecutorService scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /**
         * @param clock the time of results and of the grace period (default: the system clock)
         * @return this
         */
        public Builder withClock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param httpClient the client of HTTP checks; it must not follow redirects (default: a
         *                   client of the runner's own, created at the first HTTP check)
         * @return this
         */
        public Builder withHttpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /** @return a new runner */
        public CheckRunner build() {
            return new DefaultCheckRunner(this);
        }
    }
}
