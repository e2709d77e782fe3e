package newsroom.api.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import newsroom.api.storage.DocumentMapper;
import newsroom.api.storage.MongoStore;
import newsroom.api.storage.ReadModelCollections;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * One document per recipient with its latest notifications ({@code notification_inboxes}, {@code _id}
 * the {@link Recipient} key): a person's own inbox, and one per role for what is addressed to a role.
 * Reading mine is one exact {@code $in} lookup of my inbox and my roles' inboxes.
 */
@Repository
class NotificationInbox {

    static final int KEEP = 100;
    static final Comparator<Notification> NEWEST_FIRST = Comparator.comparingLong(Notification::position).reversed()
            .thenComparing(Notification::notificationId);

    private final MongoCollection<Document> inboxes;
    private final DocumentMapper mapper;

    NotificationInbox(MongoStore store, DocumentMapper mapper) {
        this.inboxes = store.database().getCollection("notification_inboxes");
        this.mapper = mapper;
    }

    /** The inboxes of these recipients, newest first; an empty list for one without notifications. */
    Map<String, List<Notification>> load(Collection<String> recipientKeys) {
        Map<String, List<Notification>> found = new HashMap<>();
        recipientKeys.forEach(key -> found.put(key, new ArrayList<>()));
        for (Document inbox : inboxes.find(Filters.in("_id", List.copyOf(recipientKeys)))) {
            found.put(inbox.getString("_id"), new ArrayList<>(inbox.getList("notifications", Document.class).stream()
                    .map(document -> mapper.fromDocument(document, Notification.class))
                    .toList()));
        }
        return found;
    }

    /** Replaces the given inboxes, each kept to its newest {@value #KEEP}. */
    void write(Map<String, List<Notification>> changed) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        changed.forEach((key, notifications) -> {
            List<Notification> kept = notifications.stream().sorted(NEWEST_FIRST).limit(KEEP).toList();
            Document inbox = new Document("_id", key).append("notifications",
                    kept.stream().map(n -> mapper.toDocument(n.notificationId(), n)).toList());
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", key), inbox, new ReplaceOptions().upsert(true)));
        });
        if (!writes.isEmpty()) {
            inboxes.bulkWrite(writes);
        }
    }

    void deleteAll() {
        ReadModelCollections.deleteAll(inboxes);
    }
}
