package io.stratum.sdk.internal.state;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * One top-level node of the persister holding values by key, one child per key: what every store
 * is made of. Keys are any non-empty strings ({@link SegmentCodec} makes them path segments).
 */
final class KeyedArea {
    private final Persister persister;
    private final String root;

    KeyedArea(Persister persister, String root) {
        this.persister = persister;
        this.root = PersisterPaths.checkNotRoot(root);
    }

    String path(String key) {
        return root + "/" + SegmentCodec.encode(key);
    }

    Optional<byte[]> get(String key) {
        return persister.get(path(key));
    }

    void set(String key, byte[] value) {
        persister.set(path(key), value);
    }

    /** @return the keys, in the order of their encoded form */
    List<String> keys() {
        return persister.children(root).stream().map(SegmentCodec::decode).toList();
    }

    /** @return every key's value, read at once, in the order of {@link #keys()} */
    Map<String, byte[]> values() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        persister.childValues(root).forEach((segment, value) -> out.put(SegmentCodec.decode(segment), value));
        return out;
    }

    /** @return whether there was a value to delete */
    boolean delete(String key) {
        try {
            persister.delete(path(key));
            return true;
        } catch (PersisterException e) {
            if (e.reason() == PersisterException.Reason.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    void apply(Batch batch) {
        persister.apply(batch);
    }

    boolean exists(String path) {
        return persister.exists(path);
    }

    SortedMap<String, byte[]> childValues(String path) {
        return persister.childValues(path);
    }

    /** Deletes the keys that exist, all at once; the others are ignored. */
    void deleteAll(Collection<String> keys) {
        Batch.Builder batch = Batch.builder();
        keys.stream().map(this::path).distinct().filter(persister::exists).forEach(batch::delete);
        persister.apply(batch.build());
    }
}
