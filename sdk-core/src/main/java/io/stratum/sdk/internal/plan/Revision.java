package io.stratum.sdk.internal.plan;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Counts the changes made to the steps and strategies of a plan, so that what a phase or plan
 * derives from all its steps (status, progress, busy pod instances) is computed again only after
 * one of them changed: the scheduler asks for those after every event, and with 10,000 steps a
 * scan per event made large deploys and restarts quadratic.
 *
 * <p>Every element starts with its own counter; a phase {@link #join joins} its steps' and
 * strategy's, a plan its phases'. Joined counters form one family (union-find: each points towards
 * a root, which holds the count), so an element shared between plans, or reused when the
 * scheduler rebuilds its recovery plan, invalidates every plan it is in. Counters of plans that
 * are dropped are referenced by nothing and collected.
 *
 * <p>Thread-safe. {@link #bump()} must come after the change it counts (a reader that sees the
 * old count then also sees the change, at worst recomputing once more). Joins happen while plans
 * are constructed and are serialised by one lock.
 */
final class Revision {
    private static final Object JOINS = new Object();

    private volatile Revision parent;
    private final AtomicLong changes = new AtomicLong();

    /** What a derived value was computed from; still valid while {@link #mark()} returns an equal one. */
    record Mark(Revision root, long changes) {}

    /** A value derived from the elements of a family, and the mark it was derived at. */
    record Derived<T>(Mark mark, T value) {}

    /** @return {@code cached} if nothing changed since it was derived, else a newly derived value */
    <T> Derived<T> refresh(Derived<T> cached, Supplier<T> derive) {
        Mark now = mark();
        return cached != null && cached.mark().equals(now) ? cached : new Derived<>(now, derive.get());
    }

    /** @return the current mark of this counter's family */
    Mark mark() {
        Revision root = root();
        return new Mark(root, root.changes.get());
    }

    /** Counts a change (made before this call) in the family. */
    void bump() {
        Revision root = root();
        root.changes.incrementAndGet();
        Revision now = root();
        if (now != root) {
            // joined into another family meanwhile: marks are now taken from that root
            now.changes.incrementAndGet();
        }
    }

    /** Makes {@code child}'s family part of this one's. */
    void join(Revision child) {
        synchronized (JOINS) {
            Revision mine = root();
            Revision theirs = child.root();
            if (mine != theirs) {
                theirs.parent = mine;
                mine.changes.incrementAndGet();
            }
        }
    }

    private Revision root() {
        Revision root = this;
        while (root.parent != null) {
            root = root.parent;
        }
        if (root != this && parent != root) {
            parent = root; // shortens the path; any ancestor is a valid parent
        }
        return root;
    }
}
