package io.stratum.sdk.internal.state;

import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.internal.spec.SpecJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Every configuration (a {@link ServiceSpec}) the service has been given, by a random id, and which
 * of them is the target: the one the scheduler works towards. Tasks record the id of the
 * configuration they were launched with, so an old configuration stays until no task uses it
 * ({@link #deleteUnused}).
 *
 * <p>Kept under {@code /configs/<uuid>} (the spec as {@link SpecJson} JSON) and
 * {@code /config-target} (the id as text). Stateless and thread-safe; failures are
 * {@link PersisterException}s.
 */
public final class ConfigStore {
    static final String CONFIGS = "/configs";
    static final String TARGET = "/config-target";

    private final Persister persister;
    private final KeyedArea configs;

    private ConfigStore(Persister persister) {
        this.persister = persister;
        this.configs = new KeyedArea(persister, CONFIGS);
    }

    /** @return the config store over {@code persister} */
    public static ConfigStore of(Persister persister) {
        return new ConfigStore(Objects.requireNonNull(persister, "persister"));
    }

    /** @return the id of {@code spec}, stored as a new configuration (not the target) */
    public UUID store(ServiceSpec spec) {
        UUID id = UUID.randomUUID();
        configs.set(id.toString(), json(spec));
        return id;
    }

    /** Stores {@code spec} and makes it the target, at once. @return its new id */
    public UUID storeAsTarget(ServiceSpec spec) {
        UUID id = UUID.randomUUID();
        persister.apply(Batch.builder()
                .set(configs.path(id.toString()), json(spec))
                .set(TARGET, id.toString().getBytes(StandardCharsets.UTF_8))
                .build());
        return id;
    }

    private static byte[] json(ServiceSpec spec) {
        return SpecJson.toJson(Objects.requireNonNull(spec, "spec")).getBytes(StandardCharsets.UTF_8);
    }

    /** @return the configuration stored under {@code id} */
    public Optional<ServiceSpec> fetch(UUID id) {
        String path = configs.path(id.toString());
        return configs.get(id.toString()).map(json -> {
            try {
                return SpecJson.fromJson(new String(json, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new PersisterException(PersisterException.Reason.CORRUPT, path, e.getMessage(), e);
            }
        });
    }

    /** @return the ids of all stored configurations, sorted */
    public List<UUID> list() {
        return configs.keys().stream().map(UUID::fromString).sorted().toList();
    }

    /**
     * Makes configuration {@code id} the target.
     *
     * @throws PersisterException {@link PersisterException.Reason#NOT_FOUND} if there is no such configuration
     */
    public void setTarget(UUID id) {
        String path = configs.path(id.toString());
        if (!persister.exists(path)) {
            throw PersisterException.notFound(path);
        }
        persister.set(TARGET, id.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** @return the target's id, if one was set */
    public Optional<UUID> targetId() {
        return persister.get(TARGET).map(bytes -> {
            String text = new String(bytes, StandardCharsets.UTF_8);
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                throw new PersisterException(PersisterException.Reason.CORRUPT, TARGET, "the target id at " + TARGET
                        + " is not a UUID: '" + text + "'", e);
            }
        });
    }

    /** @return the target configuration, if one was set */
    public Optional<ServiceSpec> fetchTarget() {
        return targetId().flatMap(this::fetch);
    }

    /**
     * Deletes every configuration that is neither the target nor in {@code inUse} (the ids tasks
     * were launched with), at once.
     *
     * @return the ids deleted
     */
    public List<UUID> deleteUnused(Collection<UUID> inUse) {
        Set<UUID> keep = new HashSet<>(inUse);
        targetId().ifPresent(keep::add);
        List<UUID> unused = new ArrayList<>();
        for (UUID id : list()) {
            if (!keep.contains(id)) {
                unused.add(id);
            }
        }
        configs.deleteAll(unused.stream().map(UUID::toString).toList());
        return unused;
    }
}
