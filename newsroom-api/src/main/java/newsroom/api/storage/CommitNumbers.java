package newsroom.api.storage;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;

/**
 * The dense global commit numbers: the highest one this node wrote, and the head of the store found
 * with a few exact lookups. (A sorted "newest first" query would scan the whole collection on the
 * embedded server, which takes seconds at 100,000 commits.)
 */
final class CommitNumbers {

    private final MongoCollection<Document> commits;
    /** Only touched by the commit writer's leader, one at a time. */
    private long lastWritten;
    private boolean known;

    CommitNumbers(MongoCollection<Document> commits) {
        this.commits = commits;
    }

    /** The number the next commit should try. */
    long next() {
        if (!known) {
            lastWritten = head();
            known = true;
        }
        return lastWritten + 1;
    }

    void written(long number) {
        lastWritten = known ? Math.max(lastWritten, number) : number;
        known = true;
    }

    /** Another node wrote, or the outcome of a write is unknown: look the head up again next time. */
    void forget() {
        known = false;
    }

    /**
     * The number of the newest stored commit, -1 for an empty store. Commits are dense, so the count is
     * a good first guess; exact lookups confirm it or search from it (doubling, then halving).
     */
    long head() {
        long guess = commits.estimatedDocumentCount() - 1;
        if (guess >= 0 && !exists(guess)) {
            return lastExistingBetween(-1, guess);
        }
        long step = 1;
        while (exists(guess + step)) {
            guess += step;
            step *= 2;
        }
        return lastExistingBetween(guess, guess + step);
    }

    /** Binary search: {@code existing} exists (or is -1), {@code missing} does not. */
    private long lastExistingBetween(long existing, long missing) {
        while (missing - existing > 1) {
            long middle = (existing + missing) >>> 1;
            if (exists(middle)) {
                existing = middle;
            } else {
                missing = middle;
            }
        }
        return existing;
    }

    private boolean exists(long number) {
        return commits.find(Filters.eq("_id", number)).projection(new Document("_id", 1)).first() != null;
    }
}
