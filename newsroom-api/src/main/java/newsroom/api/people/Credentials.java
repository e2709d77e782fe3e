package newsroom.api.people;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import newsroom.api.storage.Durability;
import newsroom.api.storage.MongoStore;
import org.bson.Document;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;

/**
 * Password hashes, in {@code user_credentials}, apart from the events: events are kept forever as the record,
 * a hash must be replaceable and deletable. Each password set is a new document with a random id; the account
 * event that makes it current names that id, so a password takes effect exactly when its event is stored, and a
 * hash whose command was refused (or never sent) is never used. Writes are durable before the command is sent:
 * majority and journaled on MongoDB, flushed to the file on the embedded store.
 */
@Repository
class Credentials {

    private final MongoCollection<Document> collection;
    private final Durability durability;
    private final PasswordEncoder encoder;
    private final Clock clock;

    Credentials(MongoStore store, PasswordEncoder encoder, Clock clock) {
        this.collection = store.database().getCollection("user_credentials");
        this.durability = store.durability();
        this.encoder = encoder;
        this.clock = clock;
    }

    /** Hashes and stores a password for the user; returns the id a command names it by. */
    String store(String username, String password) {
        String credentialId = UUID.randomUUID().toString();
        collection.insertOne(new Document("_id", credentialId).append("username", username)
                .append("hash", encoder.encode(password)).append("storedAt", clock.instant().toString()));
        durability.awaitDurable();
        return credentialId;
    }

    /** The hash of the user's credential with this id; empty if there is none (or it belongs to someone else). */
    Optional<String> hashOf(String credentialId, String username) {
        if (credentialId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(collection.find(Filters.eq("_id", credentialId)).first())
                .filter(document -> username.equals(document.getString("username")))
                .map(document -> document.getString("hash"));
    }

    boolean matches(String rawPassword, String hash) {
        return rawPassword != null && encoder.matches(rawPassword, hash);
    }

    /** Removes a hash that no account uses (any longer). */
    void delete(String credentialId) {
        if (credentialId != null) {
            collection.deleteOne(Filters.eq("_id", credentialId));
            durability.awaitDurable();
        }
    }
}
