package newsroom.api.publishing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import newsroom.api.storage.Durability;
import newsroom.api.storage.MongoStore;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * Delivery state, kept in MongoDB so it survives restarts and is shared by every server: {@code deliveries}
 * (one document per published placement with a connector: the stored body, status, round and attempts),
 * {@code delivery_queue} (only the deliveries still to be attempted, with when — small, so looking for due ones
 * stays cheap) and {@code delivery_attempts} (one document per attempt, whose unique id lets exactly one server
 * make each attempt).
 */
@Component
class Deliveries {

    enum Status {
        PENDING, RETRYING, DELIVERED, FAILED;

        boolean isFinal() {
            return this == DELIVERED || this == FAILED;
        }
    }

    /** One delivery as stored. */
    record Delivery(String deliveryId, String storyId, String placementId, String channelId, Status status, int round,
                    int attempts, Instant nextAttemptAt, String lastDetail, String body, Instant publishedAt,
                    Instant deliveredAt, long appliedVersion, Published published) {
    }

    /** What the publication event said, kept until the body is written from it and the story. */
    record Published(String publishedBy, Instant publishedAt, Instant missedSlot, List<Document> approvals) {

        static Published of(newsroom.story.PlacementPublishedEvent event) {
            return new Published(event.publishedBy(), event.publishedAt(), event.missedSlot(), event.approvals().stream()
                    .map(a -> new Document("step", a.step()).append("approvedBy", a.approvedBy())
                            .append("contentVersion", a.contentVersion())).toList());
        }
    }

    /** A claim on one attempt: who made it and when. */
    record Claim(String by, Instant at) {
    }

    private final MongoCollection<Document> deliveries;
    private final MongoCollection<Document> queue;
    private final MongoCollection<Document> attempts;
    private final Durability durability;

    Deliveries(MongoStore store) {
        this.deliveries = store.database().getCollection("deliveries");
        this.queue = store.database().getCollection("delivery_queue");
        this.attempts = store.database().getCollection("delivery_attempts");
        this.durability = store.durability();
    }

    /** One idempotency key per published placement: a placement is published once, so it is delivered once. */
    static String idFor(String storyId, String placementId) {
        return "msg_" + UUID.nameUUIDFromBytes((storyId + "/" + placementId).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString().replace("-", "");
    }

    Optional<Delivery> find(String deliveryId) {
        return Optional.ofNullable(deliveries.find(Filters.eq("_id", deliveryId)).first()).map(Deliveries::delivery);
    }

    /** Records a new delivery, due at once; does nothing if it exists (the event was handled before). */
    void create(Delivery delivery) {
        try {
            deliveries.insertOne(document(delivery));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        find(delivery.deliveryId()).filter(stored -> !stored.status().isFinal())
                .ifPresent(stored -> enqueue(stored.deliveryId(), stored.channelId(), stored.nextAttemptAt()));
        durability.awaitDurable();
    }

    /** An editor asked again: a new round of attempts, due at once. */
    void restart(String deliveryId, long version, Instant now) {
        Delivery stored = find(deliveryId).orElseThrow();
        if (stored.appliedVersion() >= version) {
            return; // this request was handled before
        }
        deliveries.updateOne(Filters.eq("_id", deliveryId), Updates.combine(Updates.set("status", Status.PENDING.name()),
                Updates.set("round", stored.round() + 1), Updates.set("attempts", 0),
                Updates.set("nextAttemptAt", Date.from(now)), Updates.set("appliedVersion", version)));
        enqueue(deliveryId, stored.channelId(), now);
        durability.awaitDurable();
    }

    List<String> due(Instant now, int limit) {
        List<String> due = new ArrayList<>();
        for (Document document : queue.find(Filters.lte("nextAttemptAt", Date.from(now))).limit(limit)) {
            due.add(document.getString("_id"));
        }
        return due;
    }

    /** Claims attempt {@code attempt} of the round for this server; false when another claim exists. */
    boolean claim(Delivery delivery, int attempt, String by, Instant at) {
        try {
            attempts.insertOne(new Document("_id", attemptId(delivery, attempt)).append("by", by)
                    .append("at", Date.from(at)));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return false;
        }
    }

    Optional<Claim> claimOf(Delivery delivery, int attempt) {
        return Optional.ofNullable(attempts.find(Filters.eq("_id", attemptId(delivery, attempt))).first())
                .map(document -> new Claim(document.getString("by"), document.getDate("at").toInstant()));
    }

    /** Stores the body the first attempt wrote; the first one written stays (a second server's is ignored). */
    String writeBody(Delivery delivery, String body) {
        deliveries.updateOne(Filters.and(Filters.eq("_id", delivery.deliveryId()), Filters.eq("body", null)),
                Updates.set("body", body));
        return find(delivery.deliveryId()).map(Delivery::body).orElse(body);
    }

    void delivered(Delivery delivery, int attempt, Instant at) {
        update(delivery, Updates.combine(Updates.set("status", Status.DELIVERED.name()), Updates.set("attempts", attempt),
                Updates.set("deliveredAt", Date.from(at)), Updates.set("lastDetail", null)));
        queue.deleteOne(Filters.eq("_id", delivery.deliveryId()));
        durability.awaitDurable();
    }

    void failed(Delivery delivery, int attempt, String detail) {
        update(delivery, Updates.combine(Updates.set("status", Status.FAILED.name()), Updates.set("attempts", attempt),
                Updates.set("lastDetail", detail)));
        queue.deleteOne(Filters.eq("_id", delivery.deliveryId()));
        durability.awaitDurable();
    }

    void retrying(Delivery delivery, int attempt, String detail, Instant next) {
        update(delivery, Updates.combine(Updates.set("status", Status.RETRYING.name()), Updates.set("attempts", attempt),
                Updates.set("lastDetail", detail), Updates.set("nextAttemptAt", Date.from(next))));
        enqueue(delivery.deliveryId(), delivery.channelId(), next);
        durability.awaitDurable();
    }

    /** The delivery is finished; it leaves the queue (a stale entry found by a poll). */
    void dequeue(String deliveryId) {
        queue.deleteOne(Filters.eq("_id", deliveryId));
    }

    private void update(Delivery delivery, Bson change) {
        // only within the round it belongs to: a redelivery requested meanwhile starts afresh
        deliveries.updateOne(Filters.and(Filters.eq("_id", delivery.deliveryId()), Filters.eq("round", delivery.round())),
                change);
    }

    private void enqueue(String deliveryId, String channelId, Instant at) {
        queue.replaceOne(Filters.eq("_id", deliveryId), new Document("_id", deliveryId).append("channelId", channelId)
                .append("nextAttemptAt", Date.from(at)), new ReplaceOptions().upsert(true));
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
                .append("appliedVersion", delivery.appliedVersion())
                .append("published", delivery.published() == null ? null : new Document("publishedBy",
                        delivery.published().publishedBy()).append("publishedAt", date(delivery.published().publishedAt()))
                        .append("missedSlot", date(delivery.published().missedSlot()))
                        .append("approvals", delivery.published().approvals()));
    }

    private static Delivery delivery(Document document) {
        return new Delivery(document.getString("_id"), document.getString("storyId"), document.getString("placementId"),
                document.getString("channelId"), Status.valueOf(document.getString("status")),
                document.getInteger("round", 0), document.getInteger("attempts", 0), instant(document, "nextAttemptAt"),
                document.getString("lastDetail"), document.getString("body"), instant(document, "publishedAt"),
                instant(document, "deliveredAt"), document.get("appliedVersion", Number.class).longValue(),
                published(document.get("published", Document.class)));
    }

    private static Published published(Document published) {
        return published == null ? null : new Published(published.getString("publishedBy"),
                instant(published, "publishedAt"), instant(published, "missedSlot"),
                published.getList("approvals", Document.class, List.of()));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
