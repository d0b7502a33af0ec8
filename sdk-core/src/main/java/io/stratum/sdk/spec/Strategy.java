package io.stratum.sdk.spec;

import java.util.Arrays;
import java.util.Optional;

/**
 * How the children of a plan or phase proceed. Canary strategies wait for a {@code continue}
 * after the first step (serial-canary: then one by one; parallel-canary: then all at once).
 */
public enum Strategy {
    SERIAL("serial"),
    PARALLEL("parallel"),
    CANARY("canary"),
    SERIAL_CANARY("serial-canary"),
    PARALLEL_CANARY("parallel-canary"),
    DEPENDENCY("dependency");

    private final String specName;

    Strategy(String specName) {
        this.specName = specName;
    }

    /** @return the name as written in a spec, e.g. {@code serial-canary} */
    public String specName() {
        return specName;
    }

    /** @return the strategy spelled {@code name} in a spec (case-insensitive), if any */
    public static Optional<Strategy> fromSpecName(String name) {
        return Arrays.stream(values()).filter(s -> s.specName.equalsIgnoreCase(name)).findFirst();
    }
}
