package newsroom.api.storage;

import java.util.Optional;

/**
 * Group commit for the embedded store: every thread that needs its writes on disk takes a ticket, and
 * one flush serves every ticket taken before it started. A flush has two steps: <em>write</em> the
 * changes into the file (one at a time: it captures the store's state), then <em>sync</em> the file
 * (the disk confirms it). Writes follow one another; syncs may overlap: while the disk confirms one
 * flush, the threads that arrived meanwhile write the next and sync it too, instead of waiting for the
 * first sync to end. A sync makes everything written to the file before it started durable, so a
 * later sync that ends first covers the earlier flush as well. Nobody returns before the sync of a
 * flush that started after its writes has finished.
 * <p>
 * Why overlapping syncs: a sync is mostly waiting for the disk, which confirms several at once about as
 * fast as one. With one flush at a time, appenders that arrived during a sync waited for it and then for
 * their own; under 16 writers the flushes served two alternating halves of them. Measured with 16
 * appenders on the embedded store, in the same process: 3,450 commits/s one flush at a time, 4,240 with
 * at most two syncs at once, 7,170 with no limit (StorageBenchmark prints flushes and their cost).
 * <p>
 * A failed flush is final: the store file refused a write, and the store is unusable until the
 * server is restarted (see {@link EmbeddedMongoServer}). Every waiting and later caller gets
 * {@link StoreUnavailable}. Written by hand because it is a few lines of monitor code around the
 * store's own commit; no library offers group commit for an arbitrary flush.
 */
final class GroupFlush implements Durability {

    /** The two steps of a flush; each throws if it could not do its part. */
    interface StoreFile {
        /** Writes everything pending into the file; called by one thread at a time. */
        void write() throws Exception;

        /** Makes everything written to the file so far durable; may run while another sync runs. */
        void sync() throws Exception;
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    private final StoreFile file;
    private final String storeName;
    private final Object monitor = new Object();
    private long ticketsTaken;
    /** Tickets whose writes are in the file (a sync covering them is running or done). */
    private long ticketsWritten;
    /** Tickets whose writes are durable. */
    private long ticketsServed;
    private boolean writing;
    private Throwable failure;

    GroupFlush(StoreFile file, String storeName) {
        this.file = file;
        this.storeName = storeName;
    }

    @Override
    public void awaitDurable() {
        long ticket;
        synchronized (monitor) {
            ticket = ++ticketsTaken;
        }
        while (true) {
            long covering;
            synchronized (monitor) {
                while (true) {
                    throwIfFailed();
                    if (ticketsServed >= ticket) {
                        return;
                    }
                    if (ticketsWritten < ticket && !writing) {
                        break;
                    }
                    // a write is running, or this ticket is written and the sync covering it runs
                    waitForFlush();
                }
                writing = true;
                covering = ticketsTaken; // every ticket taken so far belongs to writes that are already done
            }
            if (step(file::write, covering, true)) {
                step(file::sync, covering, false);
            }
        }
    }

    /** Runs a step of a flush and records what it achieved; returns whether it succeeded. */
    private boolean step(Step step, long covering, boolean isWrite) {
        Throwable error = null;
        try {
            step.run();
        } catch (Exception | Error e) {
            error = e;
        }
        synchronized (monitor) {
            if (isWrite) {
                writing = false;
            }
            if (error != null) {
                failure = failure == null ? error : failure;
            } else if (isWrite) {
                ticketsWritten = Math.max(ticketsWritten, covering);
            } else {
                ticketsServed = Math.max(ticketsServed, covering);
            }
            monitor.notifyAll();
        }
        return error == null;
    }

    /** Why the store stopped taking writes, if it did. */
    Optional<Throwable> failure() {
        synchronized (monitor) {
            return Optional.ofNullable(failure);
        }
    }

    private void throwIfFailed() {
        if (failure != null) {
            throw new StoreUnavailable("The store file " + storeName + " refused a write: " + failure, failure, true);
        }
    }

    private void waitForFlush() {
        try {
            monitor.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailable("interrupted while waiting for the store file " + storeName + " to be written", e);
        }
    }
}
