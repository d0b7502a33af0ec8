package io.stratum.sdk.internal.plan;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Stable ids for plan elements: name-based UUIDs, so a restarted scheduler shows the same ids. */
public final class PlanIds {
    private PlanIds() {}

    /** @return the id of the element at this path of names, e.g. {@code ("deploy", "hello", "hello-0:[server]")} */
    public static UUID of(String... names) {
        return UUID.nameUUIDFromBytes(String.join("/", names).getBytes(StandardCharsets.UTF_8));
    }
}
