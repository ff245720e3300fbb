package dev.affinity.serving.models;

import dev.affinity.models.recommend.UserListFill;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills every user's top list of one loaded recommender in the background: daemon threads of
 * minimum priority take users in chunks and compute their lists several per pass over the items
 * (see {@link UserListFill#fill}). Requests are answered meanwhile; a user not filled yet is scanned
 * as without lists. {@link #stop} ends the threads after their current chunk (a reload does this to
 * the old model's filler). Thread-safe.
 */
public final class ListFiller {
    private static final Logger LOG = LoggerFactory.getLogger(ListFiller.class);

    /** Users one thread takes at a time: four shared passes of 16 users, a few milliseconds each. */
    static final int CHUNK = 64;

    private final String label;
    private final UserListFill fill;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private final long startNanos = System.nanoTime();
    private volatile boolean stopped;
    private volatile long endNanos;
    private volatile String failure;

    private ListFiller(String label, UserListFill fill) {
        this.label = label;
        this.fill = fill;
    }

    /** Starts {@code threads} threads filling {@code fill}'s lists; {@code label} names the model in logs. */
    public static ListFiller start(String label, UserListFill fill, int threads) {
        ListFiller filler = new ListFiller(label, fill);
        LOG.info(
                "filling top-{} lists of {} users of {} with {} thread(s)",
                fill.perUser(),
                fill.users(),
                label,
                threads);
        filler.running.set(threads);
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(filler::work, "affinity-list-filler-" + t);
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            filler.threads.add(thread);
        }
        filler.threads.forEach(Thread::start);
        return filler;
    }

    private void work() {
        int users = fill.users();
        try {
            int from;
            while (!stopped && (from = next.getAndAdd(CHUNK)) < users) {
                fill.fill(from, Math.min(users, from + CHUNK));
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            failure = e.toString();
            LOG.error("filling the lists of {} stopped: {}", label, e.toString());
        } finally {
            endNanos = System.nanoTime();
            if (running.decrementAndGet() == 0) {
                LOG.info(
                        "{} the lists of {}: {} of {} users in {} s",
                        stopped ? "stopped filling" : "filled",
                        label,
                        fill.filled(),
                        users,
                        String.format(java.util.Locale.ROOT, "%.1f", seconds()));
            }
        }
    }

    /** Asks the threads to end after their current chunk; does not wait. */
    public void stop() {
        stopped = true;
    }

    /** Waits up to {@code millis} for every thread to end; whether they all have. */
    public boolean await(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        for (Thread t : threads) {
            t.join(Math.max(1, deadline - System.currentTimeMillis()));
        }
        return !running();
    }

    /** Whether a thread is still filling. */
    public boolean running() {
        return running.get() > 0;
    }

    /** Whether {@link #stop} was called. */
    public boolean stopped() {
        return stopped;
    }

    /** Users of the model. */
    public int users() {
        return fill.users();
    }

    /** Users with a list now (filled here or by their own request). */
    public long filled() {
        return fill.filled();
    }

    /** Items per list. */
    public int perUser() {
        return fill.perUser();
    }

    /** Seconds spent filling so far, or until the last thread ended. */
    public double seconds() {
        long end = running() ? System.nanoTime() : endNanos;
        return (end - startNanos) / 1e9;
    }

    /** Why filling stopped early, or {@code null}. */
    public String failure() {
        return failure;
    }
}
