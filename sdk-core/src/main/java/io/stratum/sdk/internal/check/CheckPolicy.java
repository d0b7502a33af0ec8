package io.stratum.sdk.internal.check;

import io.stratum.sdk.internal.check.CheckResult.Verdict;
import java.time.Instant;

/**
 * Turns a sequence of probe outcomes into verdicts: the rules of health (grace period,
 * consecutive failures) and of readiness (first pass). Not thread-safe; one per running check.
 */
sealed interface CheckPolicy {

    /**
     * @param passed whether the probe passed
     * @param at     when it finished
     * @return the verdict; after a final one ({@link CheckResult#isFinal()}) the check stops
     */
    Verdict judge(boolean passed, Instant at);

    /** @return counted failures in a row, after the last {@link #judge} */
    int consecutiveFailures();

    static CheckPolicy of(CheckKind kind, CheckTiming timing, Instant taskStarted) {
        return kind == CheckKind.HEALTH
                ? new Health(taskStarted.plus(timing.gracePeriod()), timing.maxConsecutiveFailures())
                : new Readiness();
    }

    /**
     * Health, as in Mesos: failures before the grace period ends are ignored, but the first pass
     * ends the grace period early (a task that once worked gets no more leniency).
     */
    final class Health implements CheckPolicy {
        private final Instant graceEnds;
        private final int maxConsecutiveFailures;
        private boolean passedOnce;
        private int failures;

        Health(Instant graceEnds, int maxConsecutiveFailures) {
            this.graceEnds = graceEnds;
            this.maxConsecutiveFailures = maxConsecutiveFailures;
        }

        @Override
        public Verdict judge(boolean passed, Instant at) {
            if (passed) {
                passedOnce = true;
                failures = 0;
                return Verdict.PASSED;
            }
            if (!passedOnce && at.isBefore(graceEnds)) {
                return Verdict.IGNORED;
            }
            failures++;
            return failures >= maxConsecutiveFailures ? Verdict.UNHEALTHY : Verdict.FAILED;
        }

        @Override
        public int consecutiveFailures() {
            return failures;
        }
    }

    /** Readiness: ready at the first pass; failures are counted but never conclude anything. */
    final class Readiness implements CheckPolicy {
        private int failures;

        @Override
        public Verdict judge(boolean passed, Instant at) {
            if (passed) {
                failures = 0;
                return Verdict.READY;
            }
            failures++;
            return Verdict.NOT_READY;
        }

        @Override
        public int consecutiveFailures() {
            return failures;
        }
    }
}
