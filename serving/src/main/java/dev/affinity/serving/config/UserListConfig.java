package dev.affinity.serving.config;

/**
 * Per-user top lists of a factor recommender (the {@code userLists} section of the configuration).
 * With {@code fill} on, every user of the model gets a list of {@code itemsPerUser} items, held in
 * one array ({@code users * (4 * itemsPerUser + 4)} bytes: 1M users x 50 items is about 204 MB),
 * computed after a model is swapped in by {@code fillThreads} daemon threads of low priority while
 * requests are answered; a request for a user whose list is not filled yet scans the catalog and
 * fills it. With {@code fill} off, only the lists of the 65,536 most recent users are cached (100
 * items each, about 28 MB). Answers are the same either way: a list is re-scored exactly under the
 * request's filter, and the catalog is scanned when fewer than k of its items pass.
 *
 * @param fill fill a list for every user of the model in the background (default {@code true})
 * @param itemsPerUser items per list when filling, 10..100 (default 50); a request's k above it scans
 * @param fillThreads threads filling lists, 1..64 (default 1: on a small machine the other cores
 *     keep answering requests)
 */
public record UserListConfig(Boolean fill, Integer itemsPerUser, Integer fillThreads) {
    /** The defaults: fill, 50 items per user, one thread. */
    public static final UserListConfig DEFAULTS = new UserListConfig(null, null, null);

    /** Fills in defaults for missing values and checks ranges, naming the field. */
    public UserListConfig {
        fill = fill == null ? Boolean.TRUE : fill;
        itemsPerUser = itemsPerUser == null ? 50 : itemsPerUser;
        fillThreads = fillThreads == null ? 1 : fillThreads;
        ServingConfig.check(
                itemsPerUser >= 10 && itemsPerUser <= 100,
                "userLists.itemsPerUser",
                "must be 10..100, got " + itemsPerUser);
        ServingConfig.check(
                fillThreads >= 1 && fillThreads <= 64, "userLists.fillThreads", "must be 1..64, got " + fillThreads);
    }
}
