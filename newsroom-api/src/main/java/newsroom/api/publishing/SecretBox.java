package newsroom.api.publishing;

import java.nio.charset.StandardCharsets;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import newsroom.api.storage.MongoStore;
import org.bson.Document;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Component;

/**
 * Encrypts connector secrets at rest with AES-256-GCM (Spring Security Crypto's {@code Encryptors.stronger}: a
 * maintained implementation, a random IV per value, authenticated). The key comes from
 * {@code newsroom.publishing.secret-key}; without it a random key is generated once and kept in
 * {@code publishing_keys}, which at least keeps secrets out of the event store, the logs and backups of the
 * connector collection alone. The first server to start creates it (a unique id), every other one reads it.
 */
@Component
class SecretBox {

    private static final String KEY_ID = "connector-secrets";

    private final BytesEncryptor encryptor;

    SecretBox(PublishingProperties properties, MongoStore store) {
        String password;
        String salt;
        if (!properties.secretKey().isBlank()) {
            password = properties.secretKey();
            salt = "6e6577737230306d"; // fixed: the password is the secret, the salt only separates uses
        } else {
            Document key = storedKey(store.database().getCollection("publishing_keys"));
            password = key.getString("password");
            salt = key.getString("salt");
        }
        this.encryptor = Encryptors.stronger(password, salt);
    }

    private static Document storedKey(MongoCollection<Document> keys) {
        Document existing = keys.find(Filters.eq("_id", KEY_ID)).first();
        if (existing != null) {
            return existing;
        }
        Document generated = new Document("_id", KEY_ID)
                .append("password", KeyGenerators.string().generateKey() + KeyGenerators.string().generateKey())
                .append("salt", KeyGenerators.string().generateKey());
        try {
            keys.insertOne(generated);
            return generated;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return keys.find(Filters.eq("_id", KEY_ID)).first(); // another server made it first
        }
    }

    byte[] seal(String secret) {
        return encryptor.encrypt(secret.getBytes(StandardCharsets.UTF_8));
    }

    String open(byte[] sealed) {
        return new String(encryptor.decrypt(sealed), StandardCharsets.UTF_8);
    }
}
