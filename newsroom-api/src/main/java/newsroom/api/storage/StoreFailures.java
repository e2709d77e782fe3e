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

    /** @param embeddedFailure why the embedded store stopped serving, if it did; always empty for a MongoDB */
    public StoreFailures(Supplier<Optional<Throwable>> embeddedFailure) {
        this.embeddedFailure = embeddedFailure;
    }

    /** Why the store is unavailable, if that is what {@code failure} comes from. */
    public Optional<StoreUnavailable> explain(Throwable failure) {
        Optional<Throwable> embedded = embeddedFailure.get();
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            if (cause instanceof StoreUnavailable unavailable) {
                return Optional.of(unavailable);
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

    /** Why the embedded store stopped serving, if it did. */
    public Optional<Throwable> embeddedFailure() {
        return embeddedFailure.get();
    }
}
