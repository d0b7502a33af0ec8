package io.stratum.sdk.testing;

import java.util.function.Consumer;

/**
 * One scripted step of a {@link ServiceTestRunner} run: an action on the simulated cluster or the
 * scheduler ({@link Send}), or a check of what happened ({@link Expect}). Throw
 * {@link AssertionError} to fail.
 */
public interface Tick {
    /** @return what this tick does, as printed in the run's log */
    String description();

    /** Does it. */
    void run(ServiceTestRunner.Context context);

    /** @return a tick from a description and an action */
    static Tick of(String description, Consumer<ServiceTestRunner.Context> action) {
        return new Tick() {
            @Override
            public String description() {
                return description;
            }

            @Override
            public void run(ServiceTestRunner.Context context) {
                action.accept(context);
            }
        };
    }
}
