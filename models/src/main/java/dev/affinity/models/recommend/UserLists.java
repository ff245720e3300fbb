package dev.affinity.models.recommend;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Users' top-n lists: item positions, best first by exact score, over the catalog's eligible items.
 * Two stores: {@link #direct} keeps a bounded number of recent users in direct-mapped slots (a newer
 * user in the same slot replaces the older, no lock, no eviction bookkeeping), and {@link #everyUser}
 * holds one list for every user of the model in one flat array, filled on a user's first request
 * or ahead of it by {@link UserListFill}. Thread-safe.
 */
abstract class UserLists {
    private final int perUser;

    private UserLists(int perUser) {
        this.perUser = perUser;
    }

    /** Direct-mapped: at most {@code slots} users, about {@code slots * (4n + 32)} bytes. */
    static UserLists direct(int perUser, int slots) {
        return new Slots(perUser, slots);
    }

    /** One list for each of {@code users} users: {@code users * (4n + 4)} bytes, allocated now. */
    static UserLists everyUser(int perUser, int users) {
        return new Flat(perUser, users);
    }

    /** Items per list. */
    final int perUser() {
        return perUser;
    }

    /** User {@code u}'s list, or null when it is not stored. */
    abstract int[] get(int u);

    /** Stores user {@code u}'s list (at most {@link #perUser} items). */
    abstract void put(int u, int[] items);

    /** Whether user {@code u} has a list. */
    abstract boolean has(int u);

    /** Users with a list now (direct-mapped: lists stored since creation, replaced ones included). */
    abstract long filled();

    private static final class Slots extends UserLists {
        private final AtomicReferenceArray<Entry> slots;
        private final LongAdder puts = new LongAdder();

        Slots(int perUser, int slots) {
            super(perUser);
            this.slots = new AtomicReferenceArray<>(slots);
        }

        @Override
        int[] get(int u) {
            Entry e = slots.get(slot(u));
            return e != null && e.user == u ? e.items : null;
        }

        @Override
        void put(int u, int[] items) {
            slots.set(slot(u), new Entry(u, items));
            puts.increment();
        }

        @Override
        boolean has(int u) {
            return get(u) != null;
        }

        @Override
        long filled() {
            return puts.sum();
        }

        private int slot(int u) {
            return (int) (((u * 0x9E3779B97F4A7C15L) >>> 33) % slots.length());
        }

        private record Entry(int user, int[] items) {}
    }

    /**
     * Every user's list in one {@code int[users * n]}; {@code lengths[u]} is the list's length plus
     * one, 0 while it has none. A writer stores the items, then publishes the length (a volatile
     * write), and readers read the length first, so a reader never sees a list half written. Two
     * writers of one user write the same list (lists are exact), so their race is harmless.
     */
    private static final class Flat extends UserLists {
        private final int[] items;
        private final AtomicIntegerArray lengths;
        private final LongAdder filled = new LongAdder();

        Flat(int perUser, int users) {
            super(perUser);
            if ((long) users * perUser > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(
                        "lists of " + perUser + " items for " + users + " users exceed one array");
            }
            this.items = new int[users * perUser];
            this.lengths = new AtomicIntegerArray(users);
        }

        @Override
        int[] get(int u) {
            int n = lengths.get(u) - 1;
            if (n < 0) {
                return null;
            }
            int[] list = new int[n];
            System.arraycopy(items, u * perUser(), list, 0, n);
            return list;
        }

        @Override
        void put(int u, int[] list) {
            if (list.length > perUser()) {
                throw new IllegalArgumentException("list longer than " + perUser() + ": " + list.length);
            }
            System.arraycopy(list, 0, items, u * perUser(), list.length);
            if (lengths.getAndSet(u, list.length + 1) == 0) {
                filled.increment();
            }
        }

        @Override
        boolean has(int u) {
            return lengths.get(u) != 0;
        }

        @Override
        long filled() {
            return filled.sum();
        }
    }
}
