package io.stratum.sdk.internal.state;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Free-form values by key for frameworks and operators: what {@code /v1/state/properties} shows.
 * Keys are any non-empty strings; values any bytes, of any size. Kept under
 * {@code /properties/<key>}. Stateless and thread-safe; failures are {@link PersisterException}s.
 */
public final class PropertyStore {
    static final String PROPERTIES = "/properties";

    private final KeyedArea properties;

    private PropertyStore(Persister persister) {
        this.properties = new KeyedArea(persister, PROPERTIES);
    }

    /** @return the property store over {@code persister} */
    public static PropertyStore of(Persister persister) {
        return new PropertyStore(Objects.requireNonNull(persister, "persister"));
    }

    /** Sets property {@code key}. */
    public void store(String key, byte[] value) {
        properties.set(key, Objects.requireNonNull(value, "value"));
    }

    /** @return property {@code key} */
    public Optional<byte[]> fetch(String key) {
        return properties.get(key);
    }

    /** @return all keys, sorted */
    public List<String> keys() {
        return properties.keys().stream().sorted().toList();
    }

    /** @return whether {@code key} was set, now removed */
    public boolean delete(String key) {
        return properties.delete(key);
    }
}
