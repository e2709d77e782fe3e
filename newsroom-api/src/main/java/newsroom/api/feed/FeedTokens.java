package newsroom.api.feed;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import newsroom.api.storage.Durability;
import newsroom.api.storage.MongoStore;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * Personal calendar-feed tokens. Calendar apps cannot send a password, so a subscription URL carries a
 * random token instead; it only reads the calendar, and rotating it cuts off old subscriptions.
 * {@code calendar_feed_tokens} maps token → user; {@code calendar_feed_owners} user → token.
 */
@Repository
class FeedTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoCollection<Document> tokens;
    private final MongoCollection<Document> owners;
    /** A token handed out goes into someone's calendar app: it must survive a crash. */
    private final Durability durability;

    FeedTokens(MongoStore store) {
        this.tokens = store.database().getCollection("calendar_feed_tokens");
        this.owners = store.database().getCollection("calendar_feed_owners");
        this.durability = store.durability();
    }

    /** The user's token, created on first use. */
    String tokenOf(String username) {
        Document owner = owners.find(Filters.eq("_id", username)).first();
        if (owner != null) {
            return owner.getString("token");
        }
        String token = newToken();
        tokens.insertOne(new Document("_id", token).append("username", username));
        try {
            owners.insertOne(new Document("_id", username).append("token", token));
            durability.awaitDurable();
            return token;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            tokens.deleteOne(Filters.eq("_id", token)); // another request created one first: use that
            durability.awaitDurable();
            return owners.find(Filters.eq("_id", username)).first().getString("token");
        }
    }

    /** Replaces the user's token; subscriptions with the old one stop working. */
    String rotate(String username) {
        Document owner = owners.find(Filters.eq("_id", username)).first();
        String token = newToken();
        tokens.insertOne(new Document("_id", token).append("username", username));
        owners.replaceOne(Filters.eq("_id", username), new Document("_id", username).append("token", token),
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
        if (owner != null) {
            tokens.deleteOne(Filters.eq("_id", owner.getString("token")));
        }
        durability.awaitDurable();
        return token;
    }

    Optional<String> userOf(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return Optional.ofNullable(tokens.find(Filters.eq("_id", token)).first()).map(d -> d.getString("username"));
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
