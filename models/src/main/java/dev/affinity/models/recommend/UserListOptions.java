package dev.affinity.models.recommend;

/**
 * Whether and how a factor recommender keeps users' top lists (see {@link
 * ItemCatalog#bind(RecommenderModel, ColdStartPolicy, UserListOptions)}).
 *
 * @param perUser items per list, 0 for no lists; a request is answered from the list when at least
 *     k of its items pass the filter, so it should be well above the usual k
 * @param cachedUsers for a cache of recent users: how many users' lists are kept at most
 *     (direct-mapped slots, about {@code cachedUsers * (4 * perUser + 32)} bytes); 0 with {@code
 *     everyUser}
 * @param everyUser one list for every user of the model instead ({@code users * (4 * perUser + 4)}
 *     bytes, allocated at bind time), filled on a user's first request or ahead of it through {@link
 *     Recommender#userLists()}
 */
public record UserListOptions(int perUser, int cachedUsers, boolean everyUser) {
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
        if (everyUser) {
            if (perUser == 0 || cachedUsers != 0) {
                throw new IllegalArgumentException(
                        "lists for every user need perUser > 0 and cachedUsers 0: " + perUser + ", " + cachedUsers);
            }
        } else if ((perUser == 0) != (cachedUsers == 0)) {
            throw new IllegalArgumentException("perUser and cachedUsers must both be 0 (no lists) or both positive: "
                    + perUser + ", " + cachedUsers);
        }
    }

    /** A cache of the lists of up to {@code cachedUsers} recent users. */
    public UserListOptions(int perUser, int cachedUsers) {
        this(perUser, cachedUsers, false);
    }

    /** One list of {@code perUser} items for every user of the model. */
    public static UserListOptions forEveryUser(int perUser) {
        return new UserListOptions(perUser, 0, true);
    }

    /** Whether lists are kept. */
    public boolean enabled() {
        return perUser > 0;
    }
}
