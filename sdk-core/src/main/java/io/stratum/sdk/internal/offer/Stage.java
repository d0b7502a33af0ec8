package io.stratum.sdk.internal.offer;

import java.util.function.Predicate;

/**
 * One step of evaluating a pod instance on an offer: placement, executor overhead, one scalar
 * resource, static or dynamic ports, volumes, launch. A stage consumes from the attempt's pool
 * and records operations; when the offer can't satisfy it, it returns
 * {@code attempt.fail(() -> reason)} and builds no text unless the reason is asked for.
 *
 * @param name  the stage's name in outcome trees, e.g. {@code mem}
 * @param check whether the stage passes on an attempt; on false the attempt holds the reason
 */
record Stage(String name, Predicate<Attempt> check) {

    /** @return whether the stage passed; on false the attempt holds the reason */
    boolean run(Attempt attempt) {
        return check.test(attempt);
    }
}
