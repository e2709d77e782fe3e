package newsroom.api.publishing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import newsroom.api.storage.MongoStore;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * Delivery state, kept in MongoDB so it survives restarts and is shared by every server: {@code deliveries}
 * (one document per published placement with a connector: the stored body, status, round and attempts),
 * {@code delivery_queue} (only the deliveries still to be attempted, with when and on which channel — small, so
 * looking for due ones stays cheap) and {@code delivery_attempts} (one document per attempt, whose unique id lets
 * exactly one server make each attempt). Every read and conditional write names a document by a unique index (the
 * embedded store scans for anything else), so none grows with the number of deliveries ever made.
 * <p>
 * None of these writes waits for the embedded store's flush. They are redone if a crash loses them: the outbox's
 * tracking token is never on disk ahead of the documents it wrote before it (the store writes a prefix of the
 * writes), and the body is the same whenever it is built; an attempt whose outcome was lost is made again under the
 * same idempotency key. The command that records an outcome on the placement flushes everything before it anyway.
 */
@Component
class Deliveries {

    enum Status {
        PENDING, RETRYING, DELIVERED, FAILED;

        boolean isFinal() {
            return this == DELIVERED || this == FAILED;
        }
    }

    /**
     * One delivery as stored. The body is null only in a delivery an earlier version created (it wrote the body at
     * the first attempt); {@code appliedVersion} is the story version of the publication or the last redelivery.
     */
    record Delivery(String deliveryId, String storyId, String placementId, String channelId, Status status, int round,
                    int attempts, Instant nextAttemptAt, String lastDetail, String body, Instant publishedAt,
                    Instant deliveredAt, long appliedVersion) {

        Delivery withBody(String newBody) {
            return new Delivery(deliveryId, storyId, placementId, channelId, status, round, attempts, nextAttemptAt,
                    lastDetail, newBody, publishedAt, deliveredAt, appliedVersion);
        }
    }

    /** A queue entry: which delivery is due, on which channel. */
    record Due(String deliveryId, String channelId) {
    }

    /** A claim on one attempt: who made it and when. */
    record Claim(String by, Instant at) {
    }

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> deliveries;
    private final MongoCollection<Document> queue;
    private final MongoCollection<Document> attempts;

    Deliveries(MongoStore store) {
        this.deliveries = store.database().getCollection("deliveries");
        this.queue = store.database().getCollection("delivery_queue");
        this.attempts = store.database().getCollection("delivery_attempts");
        // lets the outcome of an attempt name its document and round in one exact lookup (the update must not touch
        // a round an editor started meanwhile)
        this.deliveries.createIndex(Indexes.ascending("_id", "round"), new IndexOptions().unique(true));
        this.queue.createIndex(Indexes.ascending("nextAttemptAt")); // MongoDB uses it; the embedded store scans (small)
    }

    /** One idempotency key per published placement: a placement is published once, so it is delivered once. */
    static String idFor(String storyId, String placementId) {
        return "msg_" + UUID.nameUUIDFromBytes((storyId + "/" + placementId).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString().replace("-", "");
    }

    Optional<Delivery> find(String deliveryId) {
        return Optional.ofNullable(deliveries.find(Filters.eq("_id", deliveryId)).first()).map(Deliveries::delivery);
    }

    /** The stored deliveries among these ids, by id (one exact lookup). */
    Map<String, Delivery> findAll(Collection<String> deliveryIds) {
        Map<String, Delivery> found = new HashMap<>();
        for (Document document : deliveries.find(Filters.in("_id", deliveryIds))) {
            Delivery delivery = delivery(document);
            found.put(delivery.deliveryId(), delivery);
        }
        return found;
    }

    /**
     * Records new deliveries, each due at its {@code nextAttemptAt}: one insert and one queue write for all of them
     * (so a batch of publications costs two writes, not two each). One that exists already (the event was handled
     * before) is left as it is and only put back in the queue if unfinished.
     */
    void createAll(List<Delivery> created) {
        if (created.isEmpty()) {
            return;
        }
        List<Delivery> stored = created;
        try {
            deliveries.insertMany(created.stream().map(Deliveries::document).toList(),
                    new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(error ->
                    ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
            // re-read: the duplicates show what they are, the others were inserted as given
            stored = List.copyOf(findAll(created.stream().map(Delivery::deliveryId).toList()).values());
        }
        requeueUnlessFinished(stored);
    }

    /**
     * Puts an unfinished delivery back in the queue, as it stood. For an event handled again after a crash: the
     * document may have reached the disk without its queue entry (the store keeps a prefix of the writes).
     */
    void requeueUnlessFinished(Collection<Delivery> stored) {
        List<ReplaceOneModel<Document>> entries = stored.stream().filter(delivery -> !delivery.status().isFinal())
                .map(delivery -> new ReplaceOneModel<>(Filters.eq("_id", delivery.deliveryId()),
                        queueEntry(delivery.deliveryId(), delivery.channelId(), delivery.nextAttemptAt()), UPSERT))
                .toList();
        if (!entries.isEmpty()) {
            queue.bulkWrite(entries);
        }
    }

    /** An editor asked again: a new round of attempts, due at once. */
    void restart(String deliveryId, long version, Instant now) {
        Delivery stored = find(deliveryId).orElseThrow();
        if (stored.appliedVersion() >= version) {
            requeueUnlessFinished(List.of(stored)); // this request was handled before
            return;
        }
        deliveries.updateOne(Filters.eq("_id", deliveryId), Updates.combine(Updates.set("status", Status.PENDING.name()),
                Updates.set("round", stored.round() + 1), Updates.set("attempts", 0),
                Updates.set("nextAttemptAt", Date.from(now)), Updates.set("appliedVersion", version)));
        enqueue(deliveryId, stored.channelId(), now);
    }

    /** The deliveries due at the moment, longest due first. */
    List<Due> due(Instant now, int limit) {
        List<Due> due = new ArrayList<>();
        for (Document document : queue.find(Filters.lte("nextAttemptAt", Date.from(now)))
                .sort(Sorts.ascending("nextAttemptAt")).limit(limit)) {
            due.add(new Due(document.getString("_id"), document.getString("channelId")));
        }
        return due;
    }

    /** One attempt of one delivery (of its current round). */
    record Attempt(Delivery delivery, int number) {
    }

    /**
     * Claims the attempts for this server, all in one insert; answers those it got. An attempt another server (or an
     * earlier run of this one) claimed first is not among them.
     */
    Set<Attempt> claimAll(List<Attempt> wanted, String by, Instant at) {
        if (wanted.isEmpty()) {
            return Set.of();
        }
        Set<Attempt> claimed = new HashSet<>(wanted);
        try {
            attempts.insertMany(wanted.stream().map(attempt -> new Document("_id", attemptId(attempt.delivery(),
                    attempt.number())).append("by", by).append("at", Date.from(at))).toList(),
                    new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e; // what was claimed anyway counts as interrupted once stale (see the dispatcher)
                }
                claimed.remove(wanted.get(error.getIndex()));
            }
        }
        return claimed;
    }

    Optional<Claim> claimOf(Delivery delivery, int attempt) {
        return Optional.ofNullable(attempts.find(Filters.eq("_id", attemptId(delivery, attempt))).first())
                .map(document -> new Claim(document.getString("by"), document.getDate("at").toInstant()));
    }

    /** Stores the body of a delivery an earlier version created without one (every server builds the same bytes). */
    void writeBody(Delivery delivery, String body) {
        deliveries.updateOne(Filters.eq("_id", delivery.deliveryId()), Updates.set("body", body));
    }

    void delivered(Delivery delivery, int attempt, Instant at) {
        update(delivery, Updates.combine(Updates.set("status", Status.DELIVERED.name()), Updates.set("attempts", attempt),
                Updates.set("deliveredAt", Date.from(at)), Updates.set("lastDetail", null)));
        queue.deleteOne(Filters.eq("_id", delivery.deliveryId()));
    }

    void failed(Delivery delivery, int attempt, String detail) {
        update(delivery, Updates.combine(Updates.set("status", Status.FAILED.name()), Updates.set("attempts", attempt),
                Updates.set("lastDetail", detail)));
        queue.deleteOne(Filters.eq("_id", delivery.deliveryId()));
    }

    void retrying(Delivery delivery, int attempt, String detail, Instant next) {
        update(delivery, Updates.combine(Updates.set("status", Status.RETRYING.name()), Updates.set("attempts", attempt),
                Updates.set("lastDetail", detail), Updates.set("nextAttemptAt", Date.from(next))));
        enqueue(delivery.deliveryId(), delivery.channelId(), next);
    }

    /** The delivery is finished; it leaves the queue (a stale entry found by a poll). */
    void dequeue(String deliveryId) {
        queue.deleteOne(Filters.eq("_id", deliveryId));
    }

    private void update(Delivery delivery, Bson change) {
        // only within the round it belongs to: a redelivery requested meanwhile starts afresh. The filter names exactly
        // the fields of the (_id, round) index, so even the embedded store finds the document without a scan
        deliveries.updateOne(new Document("_id", delivery.deliveryId()).append("round", delivery.round()), change);
    }

    private void enqueue(String deliveryId, String channelId, Instant at) {
        queue.replaceOne(Filters.eq("_id", deliveryId), queueEntry(deliveryId, channelId, at), UPSERT);
    }

    private static Document queueEntry(String deliveryId, String channelId, Instant at) {
        return new Document("_id", deliveryId).append("channelId", channelId).append("nextAttemptAt", Date.from(at));
    }

    private static String attemptId(Delivery delivery, int attempt) {
        return delivery.deliveryId() + "#" + delivery.round() + "#" + attempt;
    }

    private static Document document(Delivery delivery) {
        return new Document("_id", delivery.deliveryId()).append("storyId", delivery.storyId())
                .append("placementId", delivery.placementId()).append("channelId", delivery.channelId())
                .append("status", delivery.status().name()).append("round", delivery.round())
                .append("attempts", delivery.attempts()).append("nextAttemptAt", date(delivery.nextAttemptAt()))
                .append("lastDetail", delivery.lastDetail()).append("body", delivery.body())
                .append("publishedAt", date(delivery.publishedAt())).append("deliveredAt", date(delivery.deliveredAt()))
                .append("appliedVersion", delivery.appliedVersion());
    }

    private static Delivery delivery(Document document) {
        return new Delivery(document.getString("_id"), document.getString("storyId"), document.getString("placementId"),
                document.getString("channelId"), Status.valueOf(document.getString("status")),
                document.getInteger("round", 0), document.getInteger("attempts", 0), instant(document, "nextAttemptAt"),
                document.getString("lastDetail"), document.getString("body"), instant(document, "publishedAt"),
                instant(document, "deliveredAt"), document.get("appliedVersion", Number.class).longValue());
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
