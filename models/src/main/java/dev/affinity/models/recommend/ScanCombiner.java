package dev.affinity.models.recommend;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs the first pass of concurrent scans together: a caller queues its query, and whichever caller
 * holds one of the scan permits (one per processor by default) takes up to {@link #MAX_BATCH} queued queries
 * and scores them in one pass over the item blocks, so each block's columns are read from memory
 * once for all of them. No caller waits for a batch to fill: a lone query is scanned at once, and
 * batches form only when queries arrive while every permit is busy, which is when reading the items
 * once per query would be the bottleneck. A scanner leaves as soon as its own query is done and
 * wakes the caller of the oldest queued query to take over; waiting callers park until woken. Each
 * caller then re-scores its own survivors exactly.
 * Thread-safe.
 */
final class ScanCombiner {
    /** Queries per pass: their block scores (2 KB each) stay in the core's caches. */
    static final int MAX_BATCH = 16;

    /** Longest park between checks; wake-ups come from unpark, this only bounds a missed one. */
    private static final long SAFETY_NANOS = 10_000_000L;

    private final ItemBlocks blocks;
    private final float[] itemNorms;
    private final int itemCount;
    private final Semaphore permits;
    private final ConcurrentLinkedQueue<Job> queue = new ConcurrentLinkedQueue<>();
    /** Queries scanned in a pass shared with at least one other: for tests and benchmarks. */
    final LongAdder shared = new LongAdder();

    /** A combiner letting {@code scanners} threads scan at once. */
    ScanCombiner(ItemBlocks blocks, float[] itemNorms, int scanners) {
        this.permits = new Semaphore(scanners);
        this.blocks = blocks;
        this.itemNorms = itemNorms;
        this.itemCount = itemNorms.length;
    }

    /**
     * The first-pass selection of the top k for {@code query[offset, offset + rank)} under {@code
     * plan}, with relative bound {@code slack} (per unit of item norm) and absolute bound {@code
     * tiny}; call {@link BoundedSelection#finish} on it. Null when the pass that held the query
     * failed (say, out of memory); the caller then scans on its own.
     */
    BoundedSelection select(float[] query, int offset, FilterPlan plan, int k, float slack, float tiny) {
        Job job = new Job(query, offset, plan, k, slack, tiny, Thread.currentThread());
        queue.add(job);
        Job[] batch = null;
        while (!job.done) {
            if (permits.tryAcquire()) {
                boolean taken = false;
                try {
                    batch = batch == null ? new Job[MAX_BATCH] : batch;
                    while (!job.done) {
                        int n = drain(batch);
                        if (n == 0) {
                            taken = true; // in another scanner's pass, which will wake this thread
                            break;
                        }
                        run(batch, n);
                    }
                } finally {
                    permits.release();
                }
                handOff();
                if (taken && !job.done) {
                    LockSupport.parkNanos(this, SAFETY_NANOS);
                }
            } else {
                // Whoever holds the permit hands off to the queue's head when it leaves.
                LockSupport.parkNanos(this, SAFETY_NANOS);
            }
        }
        return job.selection;
    }

    /**
     * The first-pass selections of the top k of several queries at once, scanned now by the calling
     * thread in one pass per {@link #MAX_BATCH} queries, without a scan permit: for filling lists
     * in the background, where a permit held for a whole pass would hold up requests. Query q is
     * {@code queries[q][offsets[q], offsets[q] + rank)} with relative bound {@code slacks[q]}.
     */
    BoundedSelection[] selectTogether(
            float[][] queries, int[] offsets, int n, FilterPlan plan, int k, float[] slacks, float tiny) {
        BoundedSelection[] out = new BoundedSelection[n];
        Job[] batch = new Job[MAX_BATCH];
        Thread self = Thread.currentThread();
        for (int from = 0; from < n; from += MAX_BATCH) {
            int m = Math.min(MAX_BATCH, n - from);
            for (int q = 0; q < m; q++) {
                batch[q] = new Job(queries[from + q], offsets[from + q], plan, k, slacks[from + q], tiny, self);
            }
            run(batch, m);
            for (int q = 0; q < m; q++) {
                out[from + q] = batch[q].selection;
            }
        }
        return out;
    }

    /**
     * Wakes the caller of the oldest queued query, which then takes a permit and scans. Every
     * scanner calls this after releasing its permit, so a query queued by a caller that found no
     * permit free is never left waiting: its add came before that failed attempt, which came before
     * the release.
     */
    private void handOff() {
        Job head = queue.peek();
        if (head != null) {
            LockSupport.unpark(head.caller);
        }
    }

    private int drain(Job[] batch) {
        int n = 0;
        Job job;
        while (n < batch.length && (job = queue.poll()) != null) {
            batch[n++] = job;
        }
        return n;
    }

    private void run(Job[] batch, int n) {
        if (n > 1) {
            shared.add(n);
        }
        float[][] queries = new float[n][];
        int[] offsets = new int[n];
        float[][] scores = new float[n][ItemBlocks.BLOCK];
        BoundedSelection[] selections = new BoundedSelection[n];
        for (int q = 0; q < n; q++) {
            queries[q] = batch[q].query;
            offsets[q] = batch[q].offset;
            selections[q] = new BoundedSelection(batch[q].k);
        }
        boolean ok = false;
        try {
            for (int b = 0, nb = blocks.blocks(); b < nb; b++) {
                blocks.score(queries, offsets, n, b, scores);
                int start = b * ItemBlocks.BLOCK;
                int length = Math.min(ItemBlocks.BLOCK, itemCount - start);
                for (int q = 0; q < n; q++) {
                    Job job = batch[q];
                    selections[q].offer(scores[q], 0, start, length, itemNorms, job.slack, job.tiny, job.plan);
                }
            }
            ok = true;
        } finally {
            for (int q = 0; q < n; q++) {
                batch[q].complete(ok ? selections[q] : null);
            }
        }
    }

    /** One queued query; completed (with its selection) by whichever thread scans it. */
    private static final class Job {
        final float[] query;
        final int offset;
        final FilterPlan plan;
        final int k;
        final float slack;
        final float tiny;
        final Thread caller;
        volatile boolean done;
        BoundedSelection selection;

        Job(float[] query, int offset, FilterPlan plan, int k, float slack, float tiny, Thread caller) {
            this.query = query;
            this.offset = offset;
            this.plan = plan;
            this.k = k;
            this.slack = slack;
            this.tiny = tiny;
            this.caller = caller;
        }

        void complete(BoundedSelection result) {
            selection = result;
            done = true;
            LockSupport.unpark(caller);
        }
    }
}
