package io.stratum.sdk.backend;

/**
 * One operation the scheduler should send to accept an offer. The evaluator returns them in the
 * order to send: reserves, volume creations, unreserves, then the launch; garbage collection
 * returns volume destructions before the unreserves of their disks.
 */
public sealed interface Operation permits ReserveOperation, CreateVolumeOperation,
        LaunchOperation, UnreserveOperation, DestroyVolumeOperation {

    /** @return the id of the offer the operation applies to */
    String offerId();
}
