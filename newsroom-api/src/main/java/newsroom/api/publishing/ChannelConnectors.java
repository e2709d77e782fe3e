package newsroom.api.publishing;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import newsroom.api.storage.Durability;
import newsroom.api.storage.MongoStore;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.stereotype.Component;

/**
 * The connectors in {@code channel_connectors}, one document per channel id (a collection of its own, so the
 * channels themselves can become data elsewhere without touching it). The secret is stored sealed by
 * {@link SecretBox}; it never enters an event, an answer or a log.
 */
@Component
class ChannelConnectors {

    private final MongoCollection<Document> connectors;
    private final SecretBox secrets;
    private final Durability durability;

    ChannelConnectors(MongoStore store, SecretBox secrets) {
        this.connectors = store.database().getCollection("channel_connectors");
        this.secrets = secrets;
        this.durability = store.durability();
    }

    /** The channel's settings, or {@link Connector#none} when nobody set them. */
    Connector of(String channelId) {
        return find(channelId).orElseGet(() -> Connector.none(channelId));
    }

    Optional<Connector> find(String channelId) {
        return Optional.ofNullable(connectors.find(Filters.eq("_id", channelId)).first()).map(this::connector);
    }

    Map<String, Connector> all() {
        Map<String, Connector> all = new HashMap<>();
        for (Document document : connectors.find()) {
            Connector connector = connector(document);
            all.put(connector.channelId(), connector);
        }
        return all;
    }

    /** Stores the settings; a null secret keeps the one stored before. */
    void save(String channelId, String url, String secret, MissedSlot missedSlot, String updatedBy, Instant at) {
        Document document = new Document("_id", channelId).append("url", url)
                .append("missedSlot", missedSlot.name()).append("updatedBy", updatedBy)
                .append("updatedAt", Date.from(at));
        if (secret != null) {
            document.append("secret", new Binary(secrets.seal(secret)));
        } else {
            Document before = connectors.find(Filters.eq("_id", channelId)).first();
            if (before != null && before.get("secret") != null) {
                document.append("secret", before.get("secret"));
            }
        }
        connectors.replaceOne(Filters.eq("_id", channelId), document, new ReplaceOptions().upsert(true));
        durability.awaitDurable();
    }

    private Connector connector(Document document) {
        Binary sealed = document.get("secret", Binary.class);
        Date updatedAt = document.getDate("updatedAt");
        return new Connector(document.getString("_id"), document.getString("url"),
                sealed == null ? null : secrets.open(sealed.getData()),
                MissedSlot.valueOf(document.getString("missedSlot")), document.getString("updatedBy"),
                updatedAt == null ? null : updatedAt.toInstant());
    }
}
