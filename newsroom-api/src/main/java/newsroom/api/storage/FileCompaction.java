package newsroom.api.storage;

import java.nio.file.Path;
import java.time.Duration;

import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;
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
 * chunks and must not capture half a command. After a clean close, a sparse file is copied instead.
 */
final class FileCompaction {

    /** Data rewritten per step while serving: small enough to pause writes for only a few milliseconds. */
    static final int REWRITE_BYTES_PER_STEP = 2 * 1024 * 1024;
    /** Data moved per step while serving. */
    static final int MOVE_BYTES_PER_STEP = 8 * 1024 * 1024;
    private static final long COPY_BYTES_PER_SECOND = 50L * 1024 * 1024;

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
     * After a clean close: if less than {@code fillRate} percent of the file is live data, copies the live
     * data into a new file and puts it in place of the old one (the store's own tool: the copy is written
     * next to the file and renamed over it, so a crash leaves the old file intact; the leftover copy is
     * removed when the store is opened next). A copy takes about a second per 50 MB of live data; it is only
     * started if the file's live data can be copied within {@code budget} at that pace.
     *
     * @return whether the file was compacted
     */
    static boolean closeCompacted(Path file, int fillRate, Duration budget) {
        long liveBytes;
        String name = EmbeddedMongoServer.storeFileName(file);
        try (MVStore closed = new MVStore.Builder().fileName(name).readOnly().open()) {
            int chunksFill = closed.getFileStore().getChunksFillRate();
            long size = closed.getFileStore().size();
            liveBytes = size * closed.getFillRate() / 100 * chunksFill / 100;
            if (liveBytes >= size * fillRate / 100) {
                return false;
            }
        }
        if (liveBytes > budget.toSeconds() * COPY_BYTES_PER_SECOND) {
            return false;
        }
        MVStoreTool.compact(name, true);
        return true;
    }
}
