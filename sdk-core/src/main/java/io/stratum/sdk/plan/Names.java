package io.stratum.sdk.plan;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks of the names in plan definitions: progress is kept by name, so names must not repeat. */
final class Names {
    private Names() {}

    /**
     * @param where what holds the names, e.g. {@code phase deploy}, for the message
     * @param what  what they name, e.g. {@code step}
     * @throws IllegalArgumentException if a name is blank or appears twice
     */
    static void requireUnique(String where, String what, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (name.isBlank() || !seen.add(name)) {
                throw new IllegalArgumentException(where + ": " + what + " '" + name + "' is blank or appears twice");
            }
        }
    }
}
