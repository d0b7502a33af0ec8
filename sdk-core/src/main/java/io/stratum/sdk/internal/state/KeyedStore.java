package io.stratum.sdk.internal.state;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Values by key under one area of the persister, one node per key: what the plan and property
 * stores have in common. Keys are any non-empty strings; values any bytes, of any size. Stateless
 * and thread-safe; failures are {@link PersisterException}s.
 */
public abstract sealed class KeyedStore permits PlanStore, PropertyStore {
    final KeyedArea area;

    KeyedStore(Persister persister, String root) {
        this.area = new KeyedArea(Objects.requireNonNull(persister, "persister"), root);
    }

    /** Stores {@code value} under {@code key}, replacing what was there. */
    public void store(String key, byte[] value) {
        area.set(key, Objects.requireNonNull(value, "value"));
    }

    /** @return the value stored under {@code key} */
    public Optional<byte[]> fetch(String key) {
        return area.get(key);
    }

    /** @return every key with a value, sorted */
    public List<String> keys() {
        return area.keys().stream().sorted().toList();
    }

    /** @return whether {@code key} had a value, now deleted (with anything stored below it) */
    public boolean delete(String key) {
        return area.delete(key);
    }
}
