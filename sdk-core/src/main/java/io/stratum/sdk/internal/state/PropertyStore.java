package io.stratum.sdk.internal.state;

/**
 * Free-form values by key for frameworks and operators: what {@code /v1/state/properties} shows.
 * Keys are any non-empty strings; values any bytes, of any size. Kept under
 * {@code /properties/<key>}. Stateless and thread-safe; failures are {@link PersisterException}s.
 */
public final class PropertyStore extends KeyedStore {
    private PropertyStore(Persister persister) {
        super(persister, "/properties");
    }

    /** @return the property store over {@code persister} */
    public static PropertyStore of(Persister persister) {
        return new PropertyStore(persister);
    }
}
