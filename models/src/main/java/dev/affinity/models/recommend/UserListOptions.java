package dev.affinity.models.recommend;

/**
 * Whether and how a factor recommender caches users' top lists (see {@link
 * ItemCatalog#bind(RecommenderModel, ColdStartPolicy, UserListOptions)}).
 *
 * @param perUser items per list, 0 for no lists; a request is answered from the list when at least
 *     k of its items pass the filter, so it should be well above the usual k
 * @param cachedUsers how many users' lists are kept at most (direct-mapped slots); memory is about
 *     {@code cachedUsers * (4 * perUser + 32)} bytes
 */
public record UserListOptions(int perUser, int cachedUsers) {
    /** No lists: every request scans. */
    public static final UserListOptions NONE = new UserListOptions(0, 0);

    /** Checks the ranges. */
    public UserListOptions {
        if (perUser < 0 || perUser > Recommender.MAX_K) {
            throw new IllegalArgumentException("perUser must be in 0.." + Recommender.MAX_K + ": " + perUser);
        }
        if (cachedUsers < 0) {
            throw new IllegalArgumentException("cachedUsers must be >= 0: " + cachedUsers);
        }
        if ((perUser == 0) != (cachedUsers == 0)) {
            throw new IllegalArgumentException("perUser and cachedUsers must both be 0 (no lists) or both positive: "
                    + perUser + ", " + cachedUsers);
        }
    }

    /** Whether lists are kept. */
    public boolean enabled() {
        return perUser > 0;
    }
}
