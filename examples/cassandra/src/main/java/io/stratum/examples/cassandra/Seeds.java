package io.stratum.examples.cassandra;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The seeds a node starts with ({@code CASSANDRA_SEEDS} in its {@code cassandra.yaml}): the
 * addresses of the first {@value #MAX} nodes of the ring, by index, as the DC/OS Cassandra service
 * chose them. A node replacing another is never its own seed (a seed does not bootstrap, so it
 * would come up empty instead of streaming the replaced node's data), nor is the address it
 * replaces. Stateless.
 */
final class Seeds {
    /** At most this many seeds. */
    static final int MAX = 3;

    private Seeds() {}

    /**
     * @param nodes    the address of every node of the ring, in index order (placed, not necessarily running)
     * @param own      the address of the node starting
     * @param replaced the address it replaces, if it moved off a lost agent
     * @return the seeds, comma-separated, for {@code cassandra.yaml}; empty when a node replaces the only seed there was
     */
    static String of(List<String> nodes, String own, Optional<String> replaced) {
        Objects.requireNonNull(own, "own");
        List<String> first = nodes.subList(0, Math.min(MAX, nodes.size()));
        return String.join(",", first.stream()
                .filter(address -> replaced.isEmpty() || !address.equals(own) && !address.equals(replaced.get()))
                .toList());
    }
}
