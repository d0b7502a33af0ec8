package io.stratum.sdk.internal.state;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Persister} must do. Subclasses provide a fresh, empty persister per test.
 */
abstract class PersisterContract {

    /** @return an empty persister, valid for the current test */
    protected abstract Persister persister();

    static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    static PersisterException.Reason reasonOf(Throwable t) {
        return ((PersisterException) t).reason();
    }

    @Test
    void aNewStoreHasOnlyTheRoot() {
        Persister p = persister();
        assertThat(p.exists("/")).isTrue();
        assertThat(p.get("/")).isEmpty();
        assertThat(p.children("/")).isEmpty();
        assertThat(p.exists("/a")).isFalse();
        assertThat(p.get("/a")).isEmpty();
    }

    @Test
    void setCreatesParentsWithoutValues() {
        Persister p = persister();
        p.set("/a/b/c", bytes("v"));
        assertThat(p.get("/a/b/c")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("v")));
        assertThat(p.exists("/a/b")).isTrue();
        assertThat(p.get("/a/b")).isEmpty();
        assertThat(p.children("/")).containsExactly("a");
        assertThat(p.children("/a")).containsExactly("b");
    }

    @Test
    void setOverwritesAndKeepsChildren() {
        Persister p = persister();
        p.set("/a/b", bytes("child"));
        p.set("/a", bytes("one"));
        p.set("/a", bytes("two"));
        assertThat(p.get("/a")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("two")));
        assertThat(p.children("/a")).containsExactly("b");
    }

    @Test
    void emptyValuesAreValues() {
        Persister p = persister();
        p.set("/empty", new byte[0]);
        assertThat(p.get("/empty")).hasValueSatisfying(v -> assertThat(v).isEmpty());
        assertThat(p.childValues("/")).containsOnlyKeys("empty");
    }

    @Test
    void valuesAreCopiedInAndOut() {
        Persister p = persister();
        byte[] value = bytes("abc");
        p.set("/x", value);
        value[0] = 'z';
        p.get("/x").orElseThrow()[1] = 'z';
        assertThat(p.get("/x")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("abc")));
    }

    @Test
    void childrenAreSortedNamesOfDirectChildrenOnly() {
        Persister p = persister();
        p.set("/t/b", bytes("1"));
        p.set("/t/a-c", bytes("2"));
        p.set("/t/a/deep/er", bytes("3"));
        p.set("/t/a0", bytes("4"));
        p.set("/tx", bytes("5"));
        assertThat(p.children("/t")).containsExactly("a", "a-c", "a0", "b");
        assertThat(p.children("/missing")).isEmpty();
    }

    @Test
    void childValuesSkipsChildrenWithoutValues() {
        Persister p = persister();
        p.set("/t/one", bytes("1"));
        p.set("/t/two", bytes("2"));
        p.set("/t/parent/child", bytes("3"));
        assertThat(p.childValues("/t")).containsOnlyKeys("one", "two");
        assertThat(p.childValues("/t").get("two")).isEqualTo(bytes("2"));
        assertThat(p.childValues("/nothing")).isEmpty();
    }

    @Test
    void deleteRemovesTheWholeSubtree() {
        Persister p = persister();
        p.set("/a/b/c", bytes("1"));
        p.set("/a/b2", bytes("2"));
        p.set("/ab", bytes("3"));
        p.delete("/a");
        assertThat(p.exists("/a")).isFalse();
        assertThat(p.exists("/a/b/c")).isFalse();
        assertThat(p.children("/")).containsExactly("ab");
    }

    @Test
    void deletingAMissingPathIsNotFound() {
        Persister p = persister();
        assertThatThrownBy(() -> p.delete("/missing"))
                .isInstanceOf(PersisterException.class)
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(PersisterException.Reason.NOT_FOUND))
                .hasMessageContaining("/missing");
    }

    @Test
    void batchAppliesEverythingInOrder() {
        Persister p = persister();
        p.set("/old", bytes("x"));
        p.apply(Batch.builder()
                .set("/a", bytes("1"))
                .set("/b/c", bytes("2"))
                .set("/a", bytes("3"))
                .delete("/old")
                .set("/tmp/x", bytes("4"))
                .delete("/tmp")
                .build());
        assertThat(p.get("/a")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("3")));
        assertThat(p.get("/b/c")).isPresent();
        assertThat(p.children("/")).containsExactly("a", "b");
    }

    @Test
    void aBatchWhoseLastOperationFailsWritesNothing() {
        Persister p = persister();
        p.set("/keep", bytes("before"));
        Batch batch = Batch.builder()
                .set("/keep", bytes("after"))
                .set("/new/node", bytes("n"))
                .delete("/keep")
                .delete("/missing")
                .build();
        assertThatThrownBy(() -> p.apply(batch))
                .isInstanceOf(PersisterException.class)
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(PersisterException.Reason.NOT_FOUND));
        assertThat(p.get("/keep")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("before")));
        assertThat(p.exists("/new")).isFalse();
        assertThat(p.children("/")).containsExactly("keep");
    }

    @Test
    void deleteThenRecreateInOneBatch() {
        Persister p = persister();
        p.set("/a", bytes("valued"));
        p.set("/a/old", bytes("gone"));
        p.apply(Batch.builder().delete("/a").set("/a/new", bytes("n")).build());
        assertThat(p.get("/a")).isEmpty();
        assertThat(p.children("/a")).containsExactly("new");
    }

    @Test
    void emptyBatchDoesNothing() {
        Persister p = persister();
        p.apply(Batch.builder().build());
        assertThat(p.children("/")).isEmpty();
    }

    @Test
    void largeValuesRoundTrip() {
        Persister p = persister();
        byte[] big = new byte[3 * 1024 * 1024 + 17];
        new Random(42).nextBytes(big);
        p.set("/big", big);
        assertThat(p.get("/big")).hasValueSatisfying(v -> assertThat(v).isEqualTo(big));
        assertThat(p.childValues("/")).hasEntrySatisfying("big", v -> assertThat(v).isEqualTo(big));
        p.set("/big", bytes("small again"));
        assertThat(p.get("/big")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("small again")));
        p.delete("/big");
        assertThat(p.exists("/big")).isFalse();
    }

    @Test
    void invalidPathsAreRejected() {
        Persister p = persister();
        for (String bad : List.of("", "a", "/a/", "//a", "/a//b", "/./a", "/a/..", "/a b", "/é")) {
            assertThatThrownBy(() -> p.get(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> p.set("/", bytes("x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.delete("/")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentWritersDoNotLoseUpdates() throws Exception {
        Persister p = persister();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        p.set("/c/" + thread + "/" + i, bytes(thread + ":" + i));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        for (int t = 0; t < 4; t++) {
            assertThat(p.childValues("/c/" + t)).hasSize(25);
        }
    }
}
