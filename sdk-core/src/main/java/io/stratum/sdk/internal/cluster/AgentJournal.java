package io.stratum.sdk.internal.cluster;

import io.stratum.sdk.resource.Resource;
import java.util.List;

/**
 * What a backend keeps of an agent's reservations and volumes beyond the {@link AgentLedger} in
 * memory: the local backend writes them to the agent's ledger file and keeps each volume's data in
 * a directory; the sim backend keeps nothing ({@link #NONE}). Called on the ledger's thread.
 */
public interface AgentJournal {
    /** Keeps nothing. */
    AgentJournal NONE = new AgentJournal() {};

    /**
     * A volume is about to be created on a reserved disk (the volume on it): make its storage.
     *
     * @throws RuntimeException to refuse the operation, which then changes nothing
     */
    default void creatingVolume(Resource disk) {}

    /**
     * A volume is about to be destroyed (the reserved disk carrying it): delete its data.
     *
     * @throws RuntimeException to refuse the operation, which then changes nothing
     */
    default void destroyingVolume(Resource disk) {}

    /** The reservations changed; {@code reservations} is every one now, each with its volume if any. */
    default void changed(List<Resource> reservations) {}
}
