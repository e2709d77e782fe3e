package newsroom.api.storage;

import java.util.Optional;
import java.util.function.Supplier;

import com.mongodb.MongoException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;

/**
 * Tells a failure of the store itself (its file refused a write, the MongoDB cannot be reached or cannot
 * confirm a write) from a failure of the request. The API answers the first with 503 and a retry hint,
 * never with a 500.
 */
public final class StoreFailures {

    private static final int MAX_CAUSES = 20;

    private final Supplier<Optional<Throwable>> embeddedFailure;
    /** The first write the store refused: from then on it serves nothing until a restart (sticky). */
    private volatile StoreUnavailable refusedWrite;

    /** @param embeddedFailure why the embedded store stopped serving, if it did; always empty for a MongoDB */
    public StoreFailures(Supplier<Optional<Throwable>> embeddedFailure) {
        this.embeddedFailure = embeddedFailure;
    }

    /** Why the store is unavailable, if that is what {@code failure} comes from. */
    public Optional<StoreUnavailable> explain(Throwable failure) {
        Optional<Throwable> embedded = embeddedFailure.get();
        if (embedded.isEmpty() && refusedWrite != null) {
            embedded = Optional.of(refusedWrite);
        }
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            if (cause instanceof StoreUnavailable unavailable) {
                if (refusedWrite == null && unavailable.refusedWrite()) {
                    refusedWrite = unavailable;
                }
                return Optional.of(unavailable);
            }
            if (cause instanceof MongoException && embedded.isEmpty() && closedEmbeddedStore(cause)) {
                // H2 closed the file after a failed write before any write of ours saw the failure
                StoreUnavailable closed = new StoreUnavailable("The embedded store stopped after its file refused a "
                        + "write: " + cause.getMessage(), cause, true);
                if (refusedWrite == null) {
                    refusedWrite = closed;
                }
                return Optional.of(closed);
            }
            if (cause instanceof MongoException && embedded.isPresent()) {
                return Optional.of(new StoreUnavailable("The embedded store stopped after its file refused a write: "
                        + embedded.get().getMessage(), embedded.get()));
            }
            if (cause instanceof MongoSocketException || cause instanceof MongoTimeoutException
                    || cause instanceof MongoNotPrimaryException || cause instanceof MongoNodeIsRecoveringException
                    || cause instanceof MongoWriteConcernException) {
                return Optional.of(new StoreUnavailable("MongoDB is unavailable: " + cause.getMessage(), cause));
            }
        }
        return Optional.empty();
    }

    /** H2's own words for its closed file, passed through by the embedded MongoDB-wire server. */
    private static boolean closedEmbeddedStore(Throwable failure) {
        return String.valueOf(failure.getMessage()).contains("This store is closed");
    }

    /** Why the embedded store stopped serving, if it did. */
    public Optional<Throwable> embeddedFailure() {
        Optional<Throwable> failure = embeddedFailure.get();
        return failure.isPresent() ? failure : Optional.ofNullable(refusedWrite);
    }
}
