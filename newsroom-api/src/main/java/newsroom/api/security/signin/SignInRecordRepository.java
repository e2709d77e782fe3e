package newsroom.api.security.signin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import newsroom.api.storage.MongoStore;
import newsroom.api.storage.ReadModelCollections;
import newsroom.people.SignInMethod;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Repository;

/**
 * Where the sign-in record is read from. Successes and sign-outs come from their events into
 * {@code sign_in_days}, one document per UTC day with that day's entries keyed by event id (so applying an event
 * twice changes nothing, and a range of days is an exact {@code _id $in} lookup). Failures are written straight to
 * {@code sign_in_failures}, with an expiry: MongoDB's TTL index removes them, and {@link #prune} does the same on
 * the embedded store (which has no TTL monitor) and keeps the count bounded.
 */
@Repository
class SignInRecordRepository {

    private static final Logger log = LoggerFactory.getLogger(SignInRecordRepository.class);

    private final MongoCollection<Document> days;
    private final MongoCollection<Document> failures;

    SignInRecordRepository(MongoStore store) {
        this.days = store.database().getCollection("sign_in_days");
        this.failures = store.database().getCollection("sign_in_failures");
        this.failures.createIndex(Indexes.ascending("day"));
        try {
            this.failures.createIndex(Indexes.ascending("expireAt"), new IndexOptions().expireAfter(0L,
                    java.util.concurrent.TimeUnit.SECONDS));
        } catch (MongoException e) {
            log.info("The store does not keep TTL indexes; failed sign-ins are pruned by the server itself");
        }
    }

    void recordEvent(String eventId, Instant at, SignInEntry.Kind kind, String username, SignInMethod method,
                     String address) {
        Document entry = new Document("at", at.toString()).append("kind", kind.name()).append("username", username)
                .append("method", method == null ? null : method.name()).append("address", address);
        days.updateOne(Filters.eq("_id", day(at).toString()), Updates.set("entries." + eventId, entry),
                new UpdateOptions().upsert(true));
    }

    void recordFailure(Instant at, String username, String address, String reason, Instant expireAt) {
        failures.insertOne(new Document("_id", UUID.randomUUID().toString()).append("day", day(at).toString())
                .append("at", at.toString()).append("username", username).append("address", address)
                .append("reason", reason).append("expireAt", Date.from(expireAt)));
    }

    /** Every entry on these days (UTC), failures included, in no particular order. */
    List<SignInEntry> on(Collection<LocalDate> daysWanted) {
        List<String> ids = daysWanted.stream().map(LocalDate::toString).toList();
        List<SignInEntry> entries = new ArrayList<>();
        days.find(Filters.in("_id", ids)).forEach(document -> {
            Document all = document.get("entries", Document.class);
            if (all != null) {
                all.values().forEach(value -> entries.add(entry((Document) value)));
            }
        });
        failures.find(Filters.in("day", ids)).forEach(document -> entries.add(new SignInEntry(
                Instant.parse(document.getString("at")), SignInEntry.Kind.SIGN_IN_FAILED,
                document.getString("username"), null, document.getString("address"), document.getString("reason"))));
        return entries;
    }

    /** Deletes expired failures, then the oldest ones beyond {@code max}. Returns how many were deleted. */
    long prune(Instant now, int max) {
        long deleted = failures.deleteMany(Filters.lt("expireAt", Date.from(now))).getDeletedCount();
        long excess = failures.countDocuments() - max;
        if (excess > 0) {
            List<String> oldest = new ArrayList<>();
            failures.find().sort(Sorts.ascending("at")).limit((int) Math.min(excess, Integer.MAX_VALUE))
                    .projection(Projections.include("_id"))
                    .forEach(document -> oldest.add(document.getString("_id")));
            deleted += failures.deleteMany(Filters.in("_id", oldest)).getDeletedCount();
        }
        return deleted;
    }

    void deleteEvents() {
        ReadModelCollections.deleteAll(days);
    }

    private static SignInEntry entry(Document document) {
        String method = document.getString("method");
        return new SignInEntry(Instant.parse(document.getString("at")),
                SignInEntry.Kind.valueOf(document.getString("kind")), document.getString("username"),
                method == null ? null : SignInMethod.valueOf(method), document.getString("address"), null);
    }

    static LocalDate day(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
