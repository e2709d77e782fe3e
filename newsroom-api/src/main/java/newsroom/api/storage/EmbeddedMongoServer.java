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
import java.util.concurrent.atomic.LongAdder;
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
 * in two H2 MVStore files, the events' and the read models' ({@link StoreFiles}), listens on loopback only, and:
 * <ul>
 * <li>writes the events file only when asked ({@link #durability()}: group commit, then fsync) or once a
 * second, and the read models' file once a second, right after the events file was synced; so an acknowledged
 * write survives a crash, the read models never run ahead of the events, and no file is written in the middle
 * of a command ({@link SerialWritesBackend});</li>
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
    private final Path readModelsFile;
    private final EmbeddedStoreSettings settings;
    /** The events file ({@link StoreFiles}). */
    private final MVStore store;
    private final MVStore readModels;
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
    /** What the group flushes cost so far (see {@link #flushStatistics()}); syncs may run at once. */
    private final LongAdder flushes = new LongAdder();
    private final LongAdder commitNanos = new LongAdder();
    private final LongAdder syncNanos = new LongAdder();

    private EmbeddedMongoServer(Path file, Path readModelsFile, EmbeddedStoreSettings settings) {
        this.file = file;
        this.readModelsFile = readModelsFile;
        this.settings = settings;
        // the page cache is shared out between the two files, so the memory bound stays what it was
        int cacheMb = Math.max(1, settings.cacheSizeMb() / 2);
        this.store = open(file, settings, cacheMb);
        try {
            this.readModels = open(readModelsFile, settings, cacheMb);
        } catch (RuntimeException e) {
            store.closeImmediately();
            throw e;
        }
        this.durability = new GroupFlush(new FileSteps(), file.toString());
        try {
            this.server = new MongoServer(SerialWritesBackend.open(store, readModels, writes, this::awaitJournaled));
        } catch (RuntimeException e) {
            store.closeImmediately();
            readModels.closeImmediately();
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
        maintenance.scheduleWithFixedDelay(this::writeReadModels, flushMillis, flushMillis, TimeUnit.MILLISECONDS);
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
        return new EmbeddedMongoServer(file, dataDir.resolve(StoreFiles.READ_MODELS_FILE).toAbsolutePath(), settings);
    }

    /** The size in bytes of the store's files in {@code dataDir}, both of them. */
    public static long filesSize(Path dataDir) {
        // a file not written yet counts as empty
        return Math.max(0, size(dataDir.resolve(FILE_NAME)))
                + Math.max(0, size(dataDir.resolve(StoreFiles.READ_MODELS_FILE)));
    }

    private static MVStore open(Path file, EmbeddedStoreSettings settings, int cacheMb) {
        MVStore store;
        try {
            // a copy left by a compaction that a crash interrupted is dropped or put in place
            MVStoreTool.compactCleanUp(storeFileName(file));
            store = new MVStore.Builder()
                    .fileName(storeFileName(file))
                    .compress()
                    .cacheSize(cacheMb)
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

    /**
     * A write whose client asked for it to be journaled: its file is synced before the server answers. For the
     * read models' file that means writing it as once a second, the events file first.
     */
    private void awaitJournaled(String collectionName) {
        if (collectionName != null && StoreFiles.inEventsFile(collectionName)) {
            durability.awaitDurable();
            return;
        }
        writeReadModels(false);
        try {
            readModels.sync(); // also when another thread wrote the file and still syncs it
        } catch (RuntimeException e) {
            stopServing(e);
        }
        failure().ifPresent(failed -> {
            throw new StoreUnavailable("The store file " + readModelsFile + " refused a write: " + failed, failed, true);
        });
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
        for (MVStore each : new MVStore[] {store, readModels}) {
            MVStoreException panic = each.getPanicException();
            if (panic != null) {
                return Optional.of(panic);
            }
            if (each.isClosed() && !closing) {
                // closed while serving, by a failed write on another path (compaction, H2's own writer)
                return Optional.of(new IllegalStateException("the store file "
                        + (each == store ? file : readModelsFile) + " was closed after a failed write"));
            }
        }
        return Optional.empty();
    }

    /**
     * What the group flushes cost so far: how many there were, the time spent writing the changed pages
     * (waiting for the write lock included) and the time the disk took to confirm them (fsync).
     */
    public record FlushStatistics(long flushes, long commitNanos, long syncNanos) {
    }

    public FlushStatistics flushStatistics() {
        return new FlushStatistics(flushes.sum(), commitNanos.sum(), syncNanos.sum());
    }

    /** Bytes read from both files since they were opened; for tests. */
    long bytesRead() {
        return store.getFileStore().getReadBytes() + readModels.getFileStore().getReadBytes();
    }

    /** The size in bytes of both files. */
    public long fileSize() {
        return filesSize(file.getParent());
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
            writeReadModels(true);
            if (!rewritten && fileSize() >= before) {
                return;
            }
        }
    }

    /** The store file as group commit writes and syncs it; any failure closes the store for good. */
    private final class FileSteps implements GroupFlush.StoreFile {

        @Override
        public void write() {
            long started = System.nanoTime();
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
            commitNanos.add(System.nanoTime() - started);
        }

        @Override
        public void sync() {
            long started = System.nanoTime();
            try {
                store.sync(); // outside the lock: commands go on while the disk confirms
            } catch (RuntimeException e) {
                stopServing(e);
                throw e;
            }
            flushes.increment();
            syncNanos.add(System.nanoTime() - started);
        }
    }

    private void throwIfPanicked() {
        for (MVStore each : new MVStore[] {store, readModels}) {
            MVStoreException panic = each.getPanicException();
            if (panic != null) {
                throw panic;
            }
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
        if (!store.isClosed() || !readModels.isClosed()) {
            log.error("The store files {} and {} refused a write; the store stops serving until the server is "
                    + "restarted (free disk space or make the files writable first)", file, readModelsFile, cause);
            store.closeImmediately();
            readModels.closeImmediately();
        }
    }

    /**
     * Writes what changed in the read models' file, and in the events file first: the read models may already hold
     * the result of an event that is not on disk yet, and must not be written before it is. Both happen under the
     * writes' lock, so no write comes in between; that lock is held over one sync of the events file once a second.
     * With {@code compact}, also a compaction step of the read models' file, at the same point.
     */
    private void writeReadModels(boolean compact) {
        if (store.isClosed() || readModels.isClosed()) {
            return;
        }
        writes.lock();
        try {
            if (!compact && !readModels.hasUnsavedChanges() && !store.hasUnsavedChanges()) {
                return;
            }
            try {
                throwIfPanicked();
                store.commit();
                store.sync();
                readModels.commit();
                throwIfPanicked();
            } catch (RuntimeException e) {
                stopServing(e);
                return;
            }
            if (compact) {
                try {
                    if (FileCompaction.rewriteSparseChunks(readModels, settings.fillRate(),
                            FileCompaction.REWRITE_BYTES_PER_STEP)) {
                        readModels.commit();
                    }
                    FileCompaction.moveChunksForward(readModels, settings.fillRate(), FileCompaction.MOVE_BYTES_PER_STEP);
                } catch (RuntimeException e) {
                    log.warn("Compacting the store file {} failed; it will be tried again", readModelsFile, e);
                }
            }
        } finally {
            writes.unlock();
        }
        try {
            readModels.sync(); // outside the lock: commands go on while the disk confirms
        } catch (RuntimeException e) {
            stopServing(e);
        }
    }

    private void writeReadModels() {
        writeReadModels(false);
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
        writeReadModels(true);
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
        boolean healthy = failure().isEmpty() && !store.isClosed() && !readModels.isClosed();
        // the events file first (the backend closes it: pending writes are written, the file is marked clean),
        // then the read models, which may hold the results of its last events
        server.shutdownNow();
        if (healthy) {
            readModels.close();
        } else {
            readModels.closeImmediately();
            return;
        }
        for (Path each : new Path[] {file, readModelsFile}) {
            long before = size(each);
            try {
                if (FileCompaction.closeCompacted(each, settings.fillRate(), settings.compactOnStop())) {
                    log.info("Store file {} compacted: {} KB before, {} KB after", each, before / 1024,
                            size(each) / 1024);
                }
            } catch (RuntimeException e) {
                log.warn("Compacting the store file {} after closing it failed; it stays as it was", each, e);
            }
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
