package newsroom.api.storage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.bson.Document;

/**
 * The chain's hash as it was first written (over a decoded {@code Document}), kept as the reference the
 * faster {@link CommitHash} must agree with: commits already stored were chained with it.
 */
final class ChainVersion1 {

    private ChainVersion1() {
    }

    static String hash(Document commit, String previousHash) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        digest.update(ByteBuffer.allocate(Long.BYTES).putLong(((Number) commit.get("_id")).longValue()).array());
        put(digest, previousHash);
        put(digest, commit.getString("aggregateKey"));
        put(digest, commit.getString("aggregateId"));
        put(digest, commit.getString("aggregateType"));
        put(digest, String.valueOf(commit.get("firstSeq")));
        put(digest, String.valueOf(commit.get("lastSeq")));
        List<Document> events = commit.getList("events", Document.class);
        put(digest, String.valueOf(events.size()));
        for (Document event : events) {
            for (String field : List.of("eventId", "timestamp", "payloadType", "payloadRevision", "payload", "metaData")) {
                put(digest, event.getString(field));
            }
            put(digest, String.valueOf(event.get("seq")));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void put(MessageDigest digest, String value) {
        if (value == null) {
            digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(-1).array());
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        digest.update(bytes);
    }
}
