package io.stratum.sdk.backend.local;

import java.util.Objects;

/**
 * A persistent volume on an agent: a directory created on reserved disk and kept, whatever
 * happens to the tasks using it, until it is destroyed. On the root disk it is
 * {@code <agent>/volumes/<persistenceId>}; on a MOUNT disk it is the disk's whole directory,
 * {@code <agent>/mounts/<mount>}.
 *
 * @param persistenceId the volume's unique id; also its directory's name on the root disk
 * @param resourceId    the disk reservation it is created on
 * @param role          the role it belongs to
 * @param principal     who created it
 * @param path          where tasks see it, relative to their sandbox
 * @param sizeMb        its size in MB, more than 0 (not enforced on the local backend)
 * @param mount         the MOUNT disk it is on, or null for the root disk
 */
record PersistentVolume(String persistenceId, String resourceId, String role, String principal, String path,
        double sizeMb, String mount) {

    PersistentVolume {
        AgentDirs.checkName("persistence id", persistenceId);
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(path, "path");
        if (!(sizeMb > 0)) {
            throw new IllegalArgumentException("volume size must be more than 0 MB: " + sizeMb);
        }
        if (mount != null) {
            AgentDirs.checkName("disk id", mount);
        }
    }

    /** A volume on the root disk. */
    PersistentVolume(String persistenceId, String resourceId, String role, String principal, String path, double sizeMb) {
        this(persistenceId, resourceId, role, principal, path, sizeMb, null);
    }
}
