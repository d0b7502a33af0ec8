package io.stratum.sdk.internal.offer;

/**
 * One step of evaluating a pod instance on an offer: placement, executor overhead, one scalar
 * resource, static or dynamic ports, volumes, launch. A stage consumes from the attempt's pool
 * and records operations; when the offer can't satisfy it, it returns
 * {@code attempt.fail(() -> reason)} and builds no text unless the reason is asked for.
 */
interface Stage {

    /** @return the stage's name in outcome trees, e.g. {@code mem} */
    String name();

    /** @return whether the stage passed; on false the attempt holds the reason */
    boolean run(Attempt attempt);
}
