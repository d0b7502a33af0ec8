package io.stratum.sdk.internal.plan;

/**
 * Why a pod instance is being launched: NONE for deploys and updates, TRANSIENT for a relaunch in
 * place on the same reservations and volumes, PERMANENT for a replacement elsewhere on fresh
 * resources (the old ones are released).
 */
public enum RecoveryType {
    NONE, TRANSIENT, PERMANENT
}
