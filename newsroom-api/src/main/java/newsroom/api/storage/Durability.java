package newsroom.api.storage;

/**
 * Makes the writes a thread has done so far durable before it acknowledges them. Call it after the
 * writes, before the answer leaves the server.
 * <p>
 * On a real MongoDB every write is already acknowledged by a majority of the replica set and journaled
 * (the client's write concern), so there is nothing left to do. On the embedded store the writes sit in
 * memory until the store file is written and synced; {@link GroupFlush} does that once for every thread
 * that is waiting at the same moment.
 */
@FunctionalInterface
public interface Durability {

    /** Nothing to wait for: the write concern made each write durable before it returned. */
    Durability WRITE_CONCERN = () -> { };

    /**
     * Returns once every write this thread finished before the call is durable.
     *
     * @throws StoreUnavailable if the store could not make them durable (e.g. its disk refused the write)
     */
    void awaitDurable();
}
