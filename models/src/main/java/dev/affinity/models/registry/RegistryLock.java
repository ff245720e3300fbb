package dev.affinity.models.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The exclusive lock on one model name: an in-process lock, then a {@link FileLock} on {@code
 * <name>/.lock} so that publishers in other processes wait too.
 *
 * <p>The in-process lock comes first because file locks belong to the whole JVM: a second thread
 * trying the file lock gets {@link OverlappingFileLockException}, and on Linux closing its channel
 * would release the first thread's lock at the OS level. Threads that share a registry therefore
 * never touch the lock file concurrently. Two registry instances on the same folder in one JVM
 * still work: the loser sees {@link OverlappingFileLockException} and retries with backoff.
 */
final class RegistryLock implements AutoCloseable {
    private static final long MAX_BACKOFF_MILLIS = 50;

    private final ReentrantLock inProcess;
    private final FileChannel channel;
    private final FileLock lock;

    private RegistryLock(ReentrantLock inProcess, FileChannel channel, FileLock lock) {
        this.inProcess = inProcess;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock, waiting up to {@code timeout}.
     *
     * @throws IllegalStateException when the lock is not free within the timeout
     */
    static RegistryLock acquire(Path lockFile, ReentrantLock inProcess, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!inProcess.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw timedOut(lockFile, timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the lock " + lockFile, e);
        }
        try {
            return withFileLock(lockFile, inProcess, deadline, timeout);
        } catch (RuntimeException e) {
            inProcess.unlock();
            throw e;
        }
    }

    private static RegistryLock withFileLock(Path lockFile, ReentrantLock inProcess, long deadline, Duration timeout) {
        long backoff = 1;
        while (true) {
            FileChannel ch = open(lockFile);
            try {
                FileLock fileLock = ch.tryLock();
                if (fileLock != null) {
                    return new RegistryLock(inProcess, ch, fileLock);
                }
                // Another process holds it.
            } catch (OverlappingFileLockException e) {
                // Another registry instance in this JVM holds it.
            } catch (IOException e) {
                close(ch);
                throw new UncheckedIOException("cannot lock " + lockFile + ": " + e.getMessage(), e);
            }
            close(ch);
            if (System.nanoTime() >= deadline) {
                throw timedOut(lockFile, timeout);
            }
            sleep(backoff, lockFile);
            backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
        }
    }

    /** Releases the file lock and then the in-process lock. */
    @Override
    public void close() {
        try {
            if (lock != null) {
                lock.release();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the registry lock: " + e.getMessage(), e);
        } finally {
            close(channel);
            inProcess.unlock();
        }
    }

    private static FileChannel open(Path lockFile) {
        try {
            return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the lock file " + lockFile + ": " + e.getMessage(), e);
        }
    }

    private static void close(FileChannel ch) {
        if (ch == null) {
            return;
        }
        try {
            ch.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the lock file: " + e.getMessage(), e);
        }
    }

    private static void sleep(long millis, Path lockFile) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the lock " + lockFile, e);
        }
    }

    private static IllegalStateException timedOut(Path lockFile, Duration timeout) {
        return new IllegalStateException(
                String.format(Locale.ROOT, "timed out after %.1f s waiting", timeout.toMillis() / 1000.0)
                        + " for the lock " + lockFile + " (another publisher holds it)");
    }
}
