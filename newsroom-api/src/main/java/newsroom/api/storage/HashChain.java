package newsroom.api.storage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.stream.LongStream;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hash chain over the global commit sequence: each commit stores {@code hash} = SHA-256 over its number,
 * the previous commit's hash and its content (aggregate, sequence numbers, and for each event its id, time,
 * type, revision, payload and metadata, each length-prefixed so no two contents encode alike). Changing any
 * stored byte of a commit, or removing or reordering one, breaks the chain from there on; {@link #verify}
 * names the first commit that does not match. Commit 0 chains to {@link #GENESIS}.
 * <p>
 * Written by the appender, which knows the previous commit's hash (the commit writer numbers commits in
 * order). Commits stored before the chain existed are chained once, in order, by {@link #migrate}, which
 * records that it did in {@code event_chain} (what it chained, when) and logs it.
 */
public final class HashChain {

    public static final String GENESIS = "0".repeat(64);
    static final String HASH = "hash";
    private static final int READ_BATCH = 512;
    private static final Logger log = LoggerFactory.getLogger(HashChain.class);

    private HashChain() {
    }

    /** The hash of a commit (with its {@code _id} set) after the given previous hash. */
    public static String hash(Document commit, String previousHash) {
        MessageDigest digest = sha256();
        ByteBuffer number = ByteBuffer.allocate(Long.BYTES).putLong(((Number) commit.get("_id")).longValue());
        digest.update(number.array());
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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The stored hash of a commit; the genesis hash before commit 0; null if the commit is missing or unchained. */
    static String storedHash(MongoCollection<Document> commits, long number) {
        if (number < 0) {
            return GENESIS;
        }
        Document commit = commits.find(Filters.eq("_id", number)).projection(new Document(HASH, 1)).first();
        return commit == null ? null : commit.getString(HASH);
    }

    /** What {@link #verify} found: clean up to {@code head}, or the first commit that does not match. */
    public record Verification(long commits, long head, String headHash, Long firstBadCommit, String problem) {

        public boolean intact() {
            return firstBadCommit == null;
        }
    }

    /**
     * Recomputes the chain from commit 0 to the head in order. A commit whose content does not give its stored
     * hash, that has none, or that is missing while later ones exist, is reported (the first one only: the
     * chain says nothing reliable after it). {@code expectedUpTo} (a kept checkpoint's commit) makes a missing
     * tail up to it a finding too.
     */
    public static Verification verify(MongoCollection<Document> commits, LongSupplier head, long expectedUpTo) {
        long last = Math.max(head.getAsLong(), expectedUpTo);
        String previous = GENESIS;
        long checked = 0;
        for (long from = 0; from <= last; from += READ_BATCH) {
            List<Long> wanted = LongStream.rangeClosed(from, Math.min(from + READ_BATCH - 1, last)).boxed().toList();
            Document[] found = new Document[wanted.size()];
            for (Document commit : commits.find(Filters.in("_id", wanted)).batchSize(READ_BATCH)) {
                found[(int) (((Number) commit.get("_id")).longValue() - from)] = commit;
            }
            for (int i = 0; i < found.length; i++) {
                long number = from + i;
                Document commit = found[i];
                if (commit == null) {
                    return new Verification(checked, last, previous, number, "missing: commit " + number
                            + " is not in the store" + (number > head.getAsLong() ? " (the checkpoint names it)"
                            : " but later commits are"));
                }
                String stored = commit.getString(HASH);
                if (stored == null) {
                    return new Verification(checked, last, previous, number, "unchained: commit " + number + " has no hash");
                }
                String computed = hash(commit, previous);
                if (!computed.equals(stored)) {
                    return new Verification(checked, last, previous, number, "altered: commit " + number
                            + "'s content or its predecessor's hash does not give its stored hash");
                }
                previous = stored;
                checked++;
            }
        }
        return new Verification(checked, last, previous, null, null);
    }

    /**
     * Chains the commits stored before the chain existed, in order, once: from the first commit without a hash
     * to the head. Idempotent (the same content gives the same hashes), so two servers starting together agree.
     */
    static void migrate(MongoCollection<Document> commits, long head, MongoCollection<Document> records) {
        if (head < 0 || isChained(commits, head)) {
            return;
        }
        long first = firstUnchained(commits, head);
        String previous = storedHash(commits, first - 1);
        long number = first;
        for (long from = first; from <= head; from += READ_BATCH) {
            List<Long> wanted = LongStream.rangeClosed(from, Math.min(from + READ_BATCH - 1, head)).boxed().toList();
            List<Document> batch = new ArrayList<>(commits.find(Filters.in("_id", wanted)).into(new ArrayList<>()));
            batch.sort((a, b) -> Long.compare(((Number) a.get("_id")).longValue(), ((Number) b.get("_id")).longValue()));
            for (Document commit : batch) {
                if (((Number) commit.get("_id")).longValue() != number) {
                    throw new IllegalStateException("commit " + number + " is missing; the chain cannot be started");
                }
                previous = hash(commit, previous);
                commits.updateOne(Filters.eq("_id", number), Updates.set(HASH, previous));
                number++;
            }
        }
        records.replaceOne(Filters.eq("_id", "migration"), new Document("_id", "migration")
                .append("firstCommit", first).append("lastCommit", head).append("headHash", previous)
                .append("at", Instant.now().toString()), new ReplaceOptions().upsert(true));
        log.info("Hash chain: chained the {} commits stored before it ({} to {}); head hash {}", head - first + 1,
                first, head, previous);
    }

    /**
     * Whether the commit has a hash. Asked by {@code _id} alone and checked here: the embedded server answers
     * an exact {@code _id} from its index, but scans the whole collection for the same lookup inside an
     * {@code $and} (seconds at every start with 100,000 commits).
     */
    private static boolean isChained(MongoCollection<Document> commits, long number) {
        Document commit = commits.find(Filters.eq("_id", number)).projection(new Document(HASH, 1)).first();
        return commit != null && commit.getString(HASH) != null;
    }

    /** The first commit without a hash: commits are chained in order, so a binary search finds it. */
    private static long firstUnchained(MongoCollection<Document> commits, long head) {
        long chained = -1;
        long unchained = head;
        while (unchained - chained > 1) {
            long middle = (chained + unchained) >>> 1;
            if (isChained(commits, middle)) {
                chained = middle;
            } else {
                unchained = middle;
            }
        }
        return unchained;
    }
}
