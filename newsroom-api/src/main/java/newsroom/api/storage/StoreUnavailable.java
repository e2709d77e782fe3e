package newsroom.api.storage;

/**
 * The store cannot take writes right now: the embedded store's file refused a write (disk full,
 * read-only file system, I/O error) or a MongoDB could not be reached or could not confirm a write.
 * Whatever the request wanted to change may not have been saved; the API answers 503 so the client
 * retries later.
 */
public class StoreUnavailable extends RuntimeException {

    public StoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
