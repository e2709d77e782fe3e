package newsroom.api.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import newsroom.api.storage.Durability;
import newsroom.api.storage.MongoStore;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Repository;

/**
 * Remembers the first answer to each (user, Idempotency-Key) for a day. A key is claimed with an
 * insert before the command runs, so two copies of one request racing each other cannot both run it.
 */
@Repository
class IdempotencyRecords {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyRecords.class);
    static final Duration RETENTION = Duration.ofHours(24);

    private final MongoCollection<Document> collection;
    private final Durability durability;

    IdempotencyRecords(MongoStore store) {
        this.collection = store.database().getCollection("idempotency_keys");
        this.durability = store.durability();
        try {
            collection.createIndex(Indexes.ascending("createdAt"),
                    new IndexOptions().expireAfter(RETENTION.toSeconds(), TimeUnit.SECONDS));
        } catch (MongoException e) {
            log.warn("The store refused a TTL index on idempotency keys; old keys are kept: {}", e.getMessage());
        }
        if (store.embedded()) {
            // One process owns the embedded store: a request still "in progress" from before this start died
            // with the previous process. Freeing its key lets a retry run now instead of in two minutes.
            long abandoned = collection.deleteMany(Filters.eq("state", "IN_PROGRESS")).getDeletedCount();
            if (abandoned > 0) {
                log.info("{} idempotency keys of requests interrupted by the last stop are free again", abandoned);
            }
        }
    }

    /** A stored first answer. */
    record Answer(int status, String contentType, Map<String, String> headers, byte[] body) {
    }

    /** What is known about a key: nothing (we claimed it), a different request, one in progress, or its answer. */
    sealed interface Claim {
        record Claimed() implements Claim { }
        record InProgress() implements Claim { }
        record DifferentRequest() implements Claim { }
        record Done(Answer answer) implements Claim { }
    }

    Claim claim(String id, String requestHash, Instant now, Duration abandonAfter) {
        Document placeholder = new Document("_id", id).append("requestHash", requestHash)
                .append("state", "IN_PROGRESS").append("createdAt", Date.from(now));
        try {
            collection.insertOne(placeholder);
            return new Claim.Claimed();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Document existing = collection.find(Filters.eq("_id", id)).first();
        if (existing == null) {
            return claim(id, requestHash, now, abandonAfter); // it expired just now
        }
        if (existing.getDate("createdAt").toInstant().plus(RETENTION).isBefore(now)) {
            // past retention (the embedded store has no TTL index to delete it): the key is free again
            var replaced = collection.replaceOne(Filters.and(Filters.eq("_id", id),
                    Filters.eq("createdAt", existing.getDate("createdAt"))), placeholder);
            return replaced.getModifiedCount() == 1 ? new Claim.Claimed() : new Claim.InProgress();
        }
        if (!requestHash.equals(existing.getString("requestHash"))) {
            return new Claim.DifferentRequest();
        }
        if ("DONE".equals(existing.getString("state"))) {
            Document headers = existing.get("headers", Document.class);
            Map<String, String> headerMap = new java.util.LinkedHashMap<>();
            headers.forEach((name, value) -> headerMap.put(name, (String) value));
            return new Claim.Done(new Answer(existing.getInteger("status"), existing.getString("contentType"),
                    headerMap, existing.get("body", Binary.class).getData()));
        }
        Instant startedAt = existing.getDate("createdAt").toInstant();
        if (startedAt.plus(abandonAfter).isBefore(now)) {
            // the first attempt died without an answer: let this retry take the key over
            var replaced = collection.replaceOne(Filters.and(Filters.eq("_id", id), Filters.eq("state", "IN_PROGRESS"),
                    Filters.eq("createdAt", existing.getDate("createdAt"))), placeholder);
            if (replaced.getModifiedCount() == 1) {
                return new Claim.Claimed();
            }
        }
        return new Claim.InProgress();
    }

    /** Remembers the answer; returns once it is durable, so it may be sent: a retry gets it even after a crash. */
    void complete(String id, Answer answer) {
        Document headers = new Document();
        headers.putAll(answer.headers());
        collection.updateOne(Filters.eq("_id", id), new Document("$set", new Document("state", "DONE")
                .append("status", answer.status())
                .append("contentType", answer.contentType())
                .append("headers", headers)
                .append("body", new Binary(answer.body()))));
        durability.awaitDurable();
    }

    void release(String id) {
        collection.deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq("state", "IN_PROGRESS")));
    }

}
