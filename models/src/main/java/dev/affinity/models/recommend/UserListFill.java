package dev.affinity.models.recommend;

/**
 * Fills the per-user top lists of a recommender bound with {@link UserListOptions#forEveryUser}
 * ahead of requests. Users are numbered 0..{@link #users()} - 1 in the model's order. Filling is
 * exact: a list filled here is the one the user's first request would have computed, so answers do
 * not change, only how fast they come. Thread-safe; requests are answered meanwhile (a user without
 * a list yet is scanned as before).
 */
public interface UserListFill {
    /** Users of the model, each of whom gets a list. */
    int users();

    /** Items per list. */
    int perUser();

    /** Users with a list now. */
    long filled();

    /**
     * Computes the lists of users {@code from} (inclusive) to {@code to} (exclusive) that have none,
     * several users per pass over the items.
     *
     * @return lists computed by this call
     */
    int fill(int from, int to);
}
