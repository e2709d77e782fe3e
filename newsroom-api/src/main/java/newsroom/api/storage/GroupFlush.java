package newsroom.api.storage;

import java.util.Optional;

/**
 * Group commit for the embedded store: every thread that needs its writes on disk takes a ticket, and
 * one flush serves every ticket taken before it started. While one flush runs, the threads that arrive
 * wait and are then served together by the next one, so 16 concurrent writers cost a few flushes, not
 * 16. Nobody returns before a flush that started after its writes has finished.
 * <p>
 * A failed flush is final: the store file refused a write, and the store is unusable until the
 * server is restarted (see {@link EmbeddedMongoServer}). Every waiting and later caller gets
 * {@link StoreUnavailable}. Written by hand because it is a few lines of monitor code around the
 * store's own commit; no library offers group commit for an arbitrary flush.
 */
final class GroupFlush implements Durability {

    /** Writes everything pending to the file and syncs it; throws if it could not. */
    @FunctionalInterface
    interface Flush {
        void run() throws Exception;
    }

    private final Flush flush;
    private final String storeName;
    private final Object monitor = new Object();
    private long ticketsTaken;
    private long ticketsServed;
    private boolean flushing;
    private Throwable failure;

    GroupFlush(Flush flush, String storeName) {
        this.flush = flush;
        this.storeName = storeName;
    }

    @Override
    public void awaitDurable() {
        long ticket;
        synchronized (monitor) {
            ticket = ++ticketsTaken;
        }
        while (true) {
            long serving;
            synchronized (monitor) {
                while (true) {
                    throwIfFailed();
                    if (ticketsServed >= ticket) {
                        return;
                    }
                    if (!flushing) {
                        break;
                    }
                    waitForFlush();
                }
                flushing = true;
                serving = ticketsTaken; // every ticket taken so far belongs to writes that are already done
            }
            Throwable error = null;
            try {
                flush.run();
            } catch (Exception | Error e) {
                error = e;
            }
            synchronized (monitor) {
                flushing = false;
                if (error != null) {
                    failure = error;
                } else {
                    ticketsServed = Math.max(ticketsServed, serving);
                }
                monitor.notifyAll();
            }
        }
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
