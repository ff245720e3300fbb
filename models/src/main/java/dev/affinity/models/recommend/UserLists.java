package dev.affinity.models.recommend;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A bounded cache of users' top-n lists (item positions, best first by exact score, over the
 * catalog's eligible items), filled on a user's first request. Direct-mapped: a user has one slot,
 * chosen by a hash of their position, and a newer list of another user in that slot replaces the
 * older one, so memory stays at {@code slots * (4n + ~32)} bytes with no lock and no eviction
 * bookkeeping. An email platform asks for the same recipient two or three times within seconds
 * (HTML, text and AMP renders), which is what a small cache catches. Thread-safe.
 */
final class UserLists {
    private final int perUser;
    private final AtomicReferenceArray<Entry> slots;

    UserLists(int perUser, int slots) {
        this.perUser = perUser;
        this.slots = new AtomicReferenceArray<>(slots);
    }

    /** Items per list. */
    int perUser() {
        return perUser;
    }

    /** User {@code u}'s list, or null when it is not cached. */
    int[] get(int u) {
        Entry e = slots.get(slot(u));
        return e != null && e.user == u ? e.items : null;
    }

    /** Caches user {@code u}'s list, replacing whatever shared its slot. */
    void put(int u, int[] items) {
        slots.set(slot(u), new Entry(u, items));
    }

    private int slot(int u) {
        return (int) (((u * 0x9E3779B97F4A7C15L) >>> 33) % slots.length());
    }

    private record Entry(int user, int[] items) {}
}
