package newsroom.api.people;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import newsroom.api.storage.Durability;
import newsroom.api.storage.MongoStore;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * The secrets of personal API tokens, as SHA-256 hashes in {@code api_token_secrets}, apart from the events (which
 * never hold a secret or its hash) and from the read model (which a rebuild empties). A secret is 256 random bits:
 * far too many to guess, so a fast unsalted hash is enough — unlike a password, there is no small space of likely
 * values to try — and it lets a presented token be found by an exact lookup on a unique index.
 * <p>
 * Also remembers when each token was last used ({@code lastUsedAt}, written at most every
 * {@link #USE_WRITE_INTERVAL_SECONDS} seconds per token).
 */
@Repository
class ApiTokenSecrets {

    /** Tokens start with this, so secret scanners and people recognise them. */
    static final String PREFIX = "nrt_";
    static final long USE_WRITE_INTERVAL_SECONDS = 60;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoCollection<Document> collection;
    private final Durability durability;

    ApiTokenSecrets(MongoStore store) {
        this.collection = store.database().getCollection("api_token_secrets");
        this.collection.createIndex(Indexes.ascending("hash"), new IndexOptions().unique(true));
        this.durability = store.durability();
    }

    /** A stored token's id and owner, and when it was last used. */
    record Secret(String tokenId, String owner, Instant lastUsedAt) {
    }

    /** Makes a new secret for the token, stores its hash (durably, before the token's event) and returns it. */
    String create(String tokenId, String owner) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        collection.insertOne(new Document("_id", tokenId).append("hash", hash(token)).append("owner", owner));
        durability.awaitDurable();
        return token;
    }

    Optional<Secret> find(String presentedToken) {
        if (presentedToken == null || !presentedToken.startsWith(PREFIX) || presentedToken.length() > 100) {
            return Optional.empty();
        }
        return Optional.ofNullable(collection.find(Filters.eq("hash", hash(presentedToken))).first())
                .map(ApiTokenSecrets::secret);
    }

    /** Notes a use; writes only when the last noted use is a while ago. */
    void used(Secret secret, Instant at) {
        if (secret.lastUsedAt() == null || secret.lastUsedAt().plusSeconds(USE_WRITE_INTERVAL_SECONDS).isBefore(at)) {
            collection.updateOne(Filters.eq("_id", secret.tokenId()), Updates.set("lastUsedAt", at.toString()));
        }
    }

    /** When each of these tokens was last used (tokens never used are left out). */
    Map<String, Instant> lastUses(List<String> tokenIds) {
        Map<String, Instant> uses = new HashMap<>();
        collection.find(Filters.in("_id", tokenIds)).forEach(document -> {
            Secret secret = secret(document);
            if (secret.lastUsedAt() != null) {
                uses.put(secret.tokenId(), secret.lastUsedAt());
            }
        });
        return uses;
    }

    /** Removes the secret: a revoked token (or one whose command was refused) can never sign in again. */
    void delete(String tokenId) {
        collection.deleteOne(Filters.eq("_id", tokenId));
        durability.awaitDurable();
    }

    private static Secret secret(Document document) {
        String lastUsed = document.getString("lastUsedAt");
        return new Secret(document.getString("_id"), document.getString("owner"),
                lastUsed == null ? null : Instant.parse(lastUsed));
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
