package io.stratum.sdk.discovery;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where one pod instance is placed: the address of the agent holding its reservations, and the
 * ports reserved for it, known from the moment they are reserved (before its tasks launch, in a
 * {@code reserve-only} phase) and kept while the instance holds them. An instance relaunched in
 * place keeps its address and ports; a replaced one gets new ones. Immutable.
 *
 * @param podType the pod type's name, as in the spec
 * @param index   the instance index, 0 or more
 * @param host    the agent's address (its hostname; on the local backend a loopback address)
 * @param ports   the instance's reserved ports by port name, in spec order; those of tasks whose
 *                resources are not reserved yet are missing
 */
public record PodAddress(String podType, int index, String host, Map<String, Long> ports) {

    /** @throws IllegalArgumentException if the index is negative or a name is blank */
    public PodAddress {
        Objects.requireNonNull(podType, "podType");
        Objects.requireNonNull(host, "host");
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, got " + index);
        }
        if (podType.isBlank() || host.isBlank()) {
            throw new IllegalArgumentException("a pod address needs a pod type and a host");
        }
        ports = Collections.unmodifiableMap(new LinkedHashMap<>(ports));
    }

    /** @return the instance's name, {@code <podType>-<index>} */
    public String name() {
        return podType + "-" + index;
    }

    /**
     * @param port a port name of the pod
     * @return {@code host:port} for that port
     * @throws IllegalArgumentException naming the instance and its ports, if it has no such port
     */
    public String endpoint(String port) {
        Long number = ports.get(port);
        if (number == null) {
            throw new IllegalArgumentException(name() + " has no port '" + port + "' reserved (it has "
                    + ports.keySet() + ")");
        }
        return host + ":" + number;
    }
}
