package io.stratum.sdk.internal.state;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * The id the cluster backend gave this service's framework at its first registration, kept under
 * {@code /framework-id} so that a restarted scheduler re-registers as the same framework and keeps
 * its tasks and reservations. Stateless and thread-safe; failures are {@link PersisterException}s.
 */
public final class FrameworkStore {
    static final String FRAMEWORK_ID = "/framework-id";

    private final Persister persister;

    private FrameworkStore(Persister persister) {
        this.persister = persister;
    }

    /** @return the framework store over {@code persister} */
    public static FrameworkStore of(Persister persister) {
        return new FrameworkStore(Objects.requireNonNull(persister, "persister"));
    }

    /** @return the framework id, if the framework has registered */
    public Optional<String> fetchFrameworkId() {
        return persister.get(FRAMEWORK_ID).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    /** Stores {@code frameworkId} (non-empty), replacing any earlier one. */
    public void storeFrameworkId(String frameworkId) {
        if (Objects.requireNonNull(frameworkId, "frameworkId").isEmpty()) {
            throw new IllegalArgumentException("a framework id must not be empty");
        }
        persister.set(FRAMEWORK_ID, frameworkId.getBytes(StandardCharsets.UTF_8));
    }

    /** Forgets the framework id (after the framework was torn down). @return whether there was one */
    public boolean clearFrameworkId() {
        if (!persister.exists(FRAMEWORK_ID)) {
            return false;
        }
        persister.delete(FRAMEWORK_ID);
        return true;
    }
}
