package newsroom.api.notification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import newsroom.api.storage.DocumentMapper;
import newsroom.api.storage.MongoStore;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * One document per user with their latest notifications ({@code notification_inboxes}), so reading
 * mine is one exact lookup. Adding a notification already there changes nothing (idempotent).
 */
@Repository
class NotificationInbox {

    static final int KEEP = 100;

    private final MongoCollection<Document> inboxes;
    private final DocumentMapper mapper;

    NotificationInbox(MongoStore store, DocumentMapper mapper) {
        this.inboxes = store.database().getCollection("notification_inboxes");
        this.mapper = mapper;
    }

    /** Adds the notification; false if the user already had it. */
    boolean add(String username, Notification notification) {
        List<Notification> current = new ArrayList<>(latest(username));
        if (current.stream().anyMatch(existing -> existing.notificationId().equals(notification.notificationId()))) {
            return false;
        }
        current.add(notification);
        current.sort(Comparator.comparingLong(Notification::position).reversed()
                .thenComparing(Notification::notificationId));
        List<Notification> kept = current.subList(0, Math.min(KEEP, current.size()));
        Document inbox = new Document("_id", username).append("notifications",
                kept.stream().map(n -> mapper.toDocument(n.notificationId(), n)).toList());
        inboxes.replaceOne(Filters.eq("_id", username), inbox, new ReplaceOptions().upsert(true));
        return true;
    }

    /** Newest first. */
    List<Notification> latest(String username) {
        Document inbox = inboxes.find(Filters.eq("_id", username)).first();
        if (inbox == null) {
            return List.of();
        }
        return inbox.getList("notifications", Document.class).stream()
                .map(document -> mapper.fromDocument(document, Notification.class))
                .toList();
    }

    void deleteAll() {
        inboxes.deleteMany(new Document());
    }
}
