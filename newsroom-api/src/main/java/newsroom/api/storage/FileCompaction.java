package newsroom.api.storage;

import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;

/**
 * Keeps the embedded store's file small. The store never changes a page in place: each write puts the
 * changed pages into a new chunk at the end of the file, and an old chunk's space is only reused once
 * every page in it is outdated. A chunk that still holds one live page (a story nobody touched since)
 * keeps its whole space, so without compaction the file grows with every write.
 * <p>
 * Two steps, both from the store itself, both bounded so that they can run while serving:
 * <ol>
 * <li><em>rewrite</em>: the live pages of the sparsest chunks are written again into a new chunk, which
 * frees the old chunks (after the store's retention time, so readers of an older version are safe);</li>
 * <li><em>move</em>: chunks near the end of the file are moved into free space nearer the start, and the
 * file is truncated.</li>
 * </ol>
 * The caller holds the store's write lock (see {@link SerialWritesBackend}), because both steps write
 * chunks and must not capture half a command.
 */
final class FileCompaction {

    /** Data rewritten per step while serving: small enough to pause writes for only a few milliseconds. */
    static final int REWRITE_BYTES_PER_STEP = 2 * 1024 * 1024;
    /** Data moved per step while serving. */
    static final int MOVE_BYTES_PER_STEP = 8 * 1024 * 1024;
    private static final int BYTES_PER_STEP_ON_STOP = 16 * 1024 * 1024;

    private FileCompaction() {
    }

    /**
     * Rewrites sparse chunks if the live data has fallen below {@code fillRate} percent of the chunks.
     * The rewritten pages are written by the next commit.
     *
     * @return whether pages were rewritten
     */
    static boolean rewriteSparseChunks(MVStore store, int fillRate, int bytes) {
        FileStore<?> file = store.getFileStore();
        return file.getChunksFillRate() < fillRate && store.compact(fillRate, bytes);
    }

    /** Moves chunks forward into free space and truncates the file, if it is less than {@code fillRate} percent used. */
    static void moveChunksForward(MVStore store, int fillRate, int bytes) {
        if (store.getFileStore() instanceof RandomAccessStore file && file.getFillRate() < fillRate) {
            file.compactMoveChunks(101, bytes, store);
        }
    }

    /**
     * Compacts as far as the time allows, when nobody reads or writes any more (a clean stop): old
     * versions need not be kept, so every outdated chunk can be freed at once.
     */
    static void compactBeforeClose(MVStore store, long budgetMillis) {
        long stopAt = System.nanoTime() + budgetMillis * 1_000_000L;
        store.compactFile((int) budgetMillis); // no retention: every outdated chunk is freed at once
        long before;
        do {
            before = store.getFileStore().size();
            moveChunksForward(store, 100, BYTES_PER_STEP_ON_STOP);
        } while (store.getFileStore().size() < before && System.nanoTime() < stopAt);
    }
}
