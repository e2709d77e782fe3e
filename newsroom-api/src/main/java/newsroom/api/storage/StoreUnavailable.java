package newsroom.api.storage;

/**
 * The store cannot take writes right now: the embedded store's file refused a write (disk full,
 * read-only file system, I/O error) or a MongoDB could not be reached or could not confirm a write.
 * Whatever the request wanted to change may not have been saved; the API answers 503 so the client
 * retries later.
 */
public class StoreUnavailable extends RuntimeException {

    private final boolean refusedWrite;

    public StoreUnavailable(String message, Throwable cause) {
        this(message, cause, false);
    }

    /** @param refusedWrite the embedded store's file refused a write: it serves nothing more until a restart */
    public StoreUnavailable(String message, Throwable cause, boolean refusedWrite) {
        super(message, cause);
        this.refusedWrite = refusedWrite;
    }

    public boolean refusedWrite() {
        return refusedWrite;
    }
}
