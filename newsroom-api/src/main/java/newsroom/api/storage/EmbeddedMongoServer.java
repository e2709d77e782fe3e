package newsroom.api.storage;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.MVStoreTool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process MongoDB-wire-protocol server used when no MongoDB URI is configured. It keeps its data
 * in one H2 MVStore file, listens on loopback only, and:
 * <ul>
 * <li>writes the file only when asked ({@link #durability()}: group commit, then fsync) or once a
 * second for writes nobody waits for, so an acknowledged write survives a crash and the file is never
 * written in the middle of a command ({@link SerialWritesBackend});</li>
 * <li>compresses pages and compacts the file while serving, in small steps, and more thoroughly on a
 * clean stop ({@link FileCompaction});</li>
 * <li>stops serving altogether once its file refused a write: what is in memory could no longer be
 * made durable, so it is not shown either ({@link #failure()}).</li>
 * </ul>
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);
    public static final String FILE_NAME = "newsroom.mv";

    private final Path file;
    private final EmbeddedStoreSettings settings;
    private final MVStore store;
    /** Held by every write command and by everything that writes the file. */
    private final ReentrantLock writes = new ReentrantLock();
    private final GroupFlush durability;
    /** Why {@link #stopServing} closed the store; set before it closes. */
    private volatile RuntimeException stoppedServingBecause;
    /** Set when the server stops: a store closed from then on is a clean stop, not a failure. */
    private volatile boolean closing;
    private final MongoServer server;
    private final InetSocketAddress address;
    private final ScheduledExecutorService maintenance;

    private EmbeddedMongoServer(Path file, EmbeddedStoreSettings settings) {
        this.file = file;
        this.settings = settings;
        this.store = open(file, settings);
        this.durability = new GroupFlush(this::writeAndSync, file.toString());
        try {
            this.server = new MongoServer(new SerialWritesBackend(store, writes));
        } catch (RuntimeException e) {
            store.closeImmediately();
            throw new StoreFileUnusable(file, StoreFileUnusable.Problem.DAMAGED, e);
        }
        server.bind("127.0.0.1", 0);
        this.address = server.getLocalAddress();
        this.maintenance = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "newsroom-store-maintenance");
            thread.setDaemon(true);
            return thread;
        });
        long flushMillis = settings.flushInterval().toMillis();
        maintenance.scheduleWithFixedDelay(this::flushUnsavedWrites, flushMillis, flushMillis, TimeUnit.MILLISECONDS);
        long compactionMillis = settings.compactionPeriod().toMillis();
        maintenance.scheduleWithFixedDelay(this::compactionStep, compactionMillis, compactionMillis,
                TimeUnit.MILLISECONDS);
    }

    public static EmbeddedMongoServer start(Path dataDir) {
        return start(dataDir, EmbeddedStoreSettings.defaults());
    }

    public static EmbeddedMongoServer start(Path dataDir, EmbeddedStoreSettings settings) {
        Path file = dataDir.resolve(FILE_NAME).toAbsolutePath();
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StoreFileUnusable(file, StoreFileUnusable.Problem.NOT_WRITABLE, e);
        }
        return new EmbeddedMongoServer(file, settings);
    }

    private static MVStore open(Path file, EmbeddedStoreSettings settings) {
        MVStore store;
        try {
            // a copy left by a compaction that a crash interrupted is dropped or put in place
            MVStoreTool.compactCleanUp(storeFileName(file));
            store = new MVStore.Builder()
                    .fileName(storeFileName(file))
                    .compress()
                    .cacheSize(settings.cacheSizeMb())
                    // only this class writes the file: never in the middle of a command (see SerialWritesBackend)
                    .autoCommitDisabled()
                    .autoCommitBufferSize(0)
                    .open();
        } catch (RuntimeException e) {
            throw new StoreFileUnusable(file, problemOpening(e), e);
        }
        store.setRetentionTime((int) settings.retention().toMillis());
        // nobody reads old versions by number; outdated chunks are kept for the retention time only
        store.setVersionsToKeep(0);
        if (store.isReadOnly()) {
            store.closeImmediately();
            throw new StoreFileUnusable(file, StoreFileUnusable.Problem.NOT_WRITABLE,
                    new AccessDeniedException(file.toString(), null, "the file is read-only"));
        }
        return store;
    }

    /**
     * The file as the store opens it: through H2's "retry" file system, which reopens the file and retries
     * when a thread is interrupted in the middle of reading or writing it. Without it, an interrupt of any
     * thread that happens to write (a request or a projection being stopped) closes the file for everybody.
     */
    static String storeFileName(Path file) {
        return "retry:" + file;
    }

    private static StoreFileUnusable.Problem problemOpening(RuntimeException e) {
        if (e instanceof MVStoreException stored) {
            int code = stored.getErrorCode();
            if (code == DataUtils.ERROR_FILE_LOCKED) {
                return StoreFileUnusable.Problem.IN_USE;
            }
            if (code == DataUtils.ERROR_WRITING_FAILED || stored.getCause() instanceof AccessDeniedException
                    || stored.getCause() instanceof FileSystemException) {
                return StoreFileUnusable.Problem.NOT_WRITABLE;
            }
        }
        return StoreFileUnusable.Problem.DAMAGED;
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public Path file() {
        return file;
    }

    /** Group commit: returns once the caller's writes are in the file and the file is synced. */
    public Durability durability() {
        return durability;
    }

    /** Writes and syncs everything pending now; the same as {@code durability().awaitDurable()}. */
    public void flush() {
        durability.awaitDurable();
    }

    /** Why the store stopped serving, if it did: its file refused a write. */
    public Optional<Throwable> failure() {
        Optional<Throwable> failed = durability.failure();
        if (failed.isPresent()) {
            return failed;
        }
        if (stoppedServingBecause != null) {
            return Optional.of(stoppedServingBecause);
        }
        MVStoreException panic = store.getPanicException();
        if (panic != null) {
            return Optional.of(panic);
        }
        if (store.isClosed() && !closing) {
            // closed while serving, by a failed write on another path (compaction, H2's own writer)
            return Optional.of(new IllegalStateException("the store file " + file + " was closed after a failed write"));
        }
        return Optional.empty();
    }

    /** The file's size in bytes. */
    public long fileSize() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    /** Compacts the file as far as {@code budgetMillis} allows; for tests and benchmarks. */
    public void compactNow(long budgetMillis) {
        durability.awaitDurable();
        long stopAt = System.nanoTime() + budgetMillis * 1_000_000L;
        while (System.nanoTime() < stopAt) {
            boolean rewritten = withWriteLock(() -> FileCompaction.rewriteSparseChunks(store, settings.fillRate(),
                    FileCompaction.REWRITE_BYTES_PER_STEP * 8));
            durability.awaitDurable();
            long before = fileSize();
            withWriteLock(() -> {
                FileCompaction.moveChunksForward(store, 100, FileCompaction.MOVE_BYTES_PER_STEP * 8);
                return null;
            });
            if (!rewritten && fileSize() >= before) {
                return;
            }
        }
    }

    /** Writes the file and syncs it to the disk; any failure closes the store for good. */
    private void writeAndSync() {
        writes.lock();
        try {
            throwIfPanicked();
            store.commit();
            throwIfPanicked();
        } catch (RuntimeException e) {
            stopServing(e);
            throw e;
        } finally {
            writes.unlock();
        }
        try {
            store.sync(); // outside the lock: commands go on while the disk confirms
        } catch (RuntimeException e) {
            stopServing(e);
            throw e;
        }
    }

    private void throwIfPanicked() {
        MVStoreException panic = store.getPanicException();
        if (panic != null) {
            throw panic;
        }
    }

    /**
     * The file refused a write: the changes in memory can never be made durable, so nothing more is
     * served from them. Reads and writes fail from now on (the API answers 503, health is DOWN) until
     * the server is restarted with a writable file; it then continues from the last durable state.
     */
    private void stopServing(RuntimeException cause) {
        // recorded before the store closes: a request that finds it closed must be told why (503), not 500
        stoppedServingBecause = cause;
        if (!store.isClosed()) {
            log.error("The store file {} refused a write; the store stops serving until the server is restarted "
                    + "(free disk space or make the file writable first)", file, cause);
            store.closeImmediately();
        }
    }

    private void flushUnsavedWrites() {
        try {
            if (!store.isClosed() && store.hasUnsavedChanges()) {
                durability.awaitDurable();
            }
        } catch (RuntimeException e) {
            log.debug("periodic flush failed", e); // already logged when the store stopped serving
        }
    }

    private void compactionStep() {
        try {
            if (store.isClosed()) {
                return;
            }
            boolean rewritten = withWriteLock(() -> FileCompaction.rewriteSparseChunks(store, settings.fillRate(),
                    FileCompaction.REWRITE_BYTES_PER_STEP));
            if (rewritten) {
                durability.awaitDurable();
            }
            withWriteLock(() -> {
                FileCompaction.moveChunksForward(store, settings.fillRate(), FileCompaction.MOVE_BYTES_PER_STEP);
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("Compacting the store file {} failed; it will be tried again", file, e);
        }
    }

    private <T> T withWriteLock(java.util.function.Supplier<T> action) {
        writes.lock();
        try {
            return action.get();
        } finally {
            writes.unlock();
        }
    }

    /**
     * Stops serving and closes the file. A clean stop whose file is mostly outdated data first copies the
     * live data into a fresh file ({@link FileCompaction#closeCompacted}), so the file shrinks back.
     */
    @Override
    public void close() {
        closing = true;
        maintenance.shutdown(); // not shutdownNow: an interrupt in the middle of a file write would close the file
        try {
            maintenance.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        boolean healthy = failure().isEmpty() && !store.isClosed();
        long before = fileSize();
        server.shutdownNow(); // closes the store: pending writes are written, the file is marked clean
        if (healthy) {
            try {
                if (FileCompaction.closeCompacted(file, settings.fillRate(), settings.compactOnStop())) {
                    log.info("Store file {} compacted: {} KB before, {} KB after", file, before / 1024,
                            fileSize() / 1024);
                }
            } catch (RuntimeException e) {
                log.warn("Compacting the store file {} after closing it failed; it stays as it was", file, e);
            }
        }
    }
}
