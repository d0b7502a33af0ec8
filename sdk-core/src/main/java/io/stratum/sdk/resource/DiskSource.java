package io.stratum.sdk.resource;

import java.util.Objects;
import java.util.Optional;

/**
 * Where disk space comes from. A {@link Type#ROOT} disk is the agent's root filesystem, carved
 * into volumes of any size; a {@link Type#MOUNT} disk is a whole dedicated filesystem mounted at
 * {@code root}, which a volume consumes entirely whatever size it asked for.
 *
 * @param type    ROOT or MOUNT
 * @param root    for MOUNT, the mount point on the agent; empty for ROOT
 * @param profile for MOUNT, the disk profile (e.g. {@code ssd}) if the operator gave one
 */
public record DiskSource(Type type, Optional<String> root, Optional<String> profile) {

    /** The kinds of disk. */
    public enum Type { ROOT, MOUNT }

    /** @throws IllegalArgumentException if a ROOT disk has a root or profile */
    public DiskSource {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(profile, "profile");
        if (type == Type.ROOT && (root.isPresent() || profile.isPresent())) {
            throw new IllegalArgumentException("a ROOT disk has no root or profile");
        }
    }

    /** @return the agent's root disk */
    public static DiskSource rootDisk() {
        return new DiskSource(Type.ROOT, Optional.empty(), Optional.empty());
    }

    /** @return a MOUNT disk at {@code root} without a profile */
    public static DiskSource mount(String root) {
        return new DiskSource(Type.MOUNT, Optional.of(root), Optional.empty());
    }

    /** @return a MOUNT disk at {@code root} with disk profile {@code profile} */
    public static DiskSource mount(String root, String profile) {
        return new DiskSource(Type.MOUNT, Optional.of(root), Optional.of(profile));
    }

    /** @return whether this is a MOUNT disk */
    public boolean isMount() {
        return type == Type.MOUNT;
    }
}
