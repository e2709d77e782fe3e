package newsroom.api.storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;
import java.util.stream.LongStream;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
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
    /**
     * Commits per read. The embedded server checks each document it finds against the whole {@code $in} list,
     * so a read costs the square of its size there: smaller batches cost less, down to where round trips count.
     */
    static final int READ_BATCH = 128;
    /** Commits per read while migrating (once, through the {@code Document} path). */
    private static final int MIGRATE_BATCH = 512;
    private static final DocumentCodec DOCUMENTS = new DocumentCodec();
    private static final Logger log = LoggerFactory.getLogger(HashChain.class);

    private HashChain() {
    }

    /**
     * The hash of a commit (with its {@code _id} set) after the given previous hash: of the commit as the driver
     * encodes it for storing, through the same code verify reads stored commits with ({@link CommitHash}).
     */
    public static String hash(Document commit, String previousHash) {
        return CommitHash.read(new RawBsonDocument(commit, DOCUMENTS)).hashAfter(previousHash);
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
     * <p>
     * Commits are read as stored BSON ({@link CommitHash}), in batches of exact {@code _id $in} lookups (which
     * the embedded server serves from its index), one batch ahead on a reading thread while this one hashes.
     */
    public static Verification verify(MongoCollection<Document> commits, LongSupplier head, long expectedUpTo) {
        return verify(commits, head, expectedUpTo, READ_BATCH);
    }

    static Verification verify(MongoCollection<Document> commits, LongSupplier head, long expectedUpTo, int batchSize) {
        long last = Math.max(head.getAsLong(), expectedUpTo);
        MongoCollection<RawBsonDocument> raw = commits.withDocumentClass(RawBsonDocument.class);
        ExecutorService reader = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hash-chain-verify");
            thread.setDaemon(true);
            return thread;
        });
        try {
            String previous = GENESIS;
            long checked = 0;
            Future<CommitHash.Stored[]> next = reader.submit(() -> read(raw, 0, last, batchSize));
            for (long from = 0; from <= last; from += batchSize) {
                CommitHash.Stored[] found = result(next);
                long following = from + batchSize;
                if (following <= last) {
                    next = reader.submit(() -> read(raw, following, last, batchSize));
                }
                for (int i = 0; i < found.length; i++) {
                    long number = from + i;
                    CommitHash.Stored commit = found[i];
                    if (commit == null) {
                        return new Verification(checked, last, previous, number, "missing: commit " + number
                                + " is not in the store" + (number > head.getAsLong() ? " (the checkpoint names it)"
                                : " but later commits are"));
                    }
                    String stored = commit.storedHash();
                    if (stored == null) {
                        return new Verification(checked, last, previous, number, "unchained: commit " + number + " has no hash");
                    }
                    String computed;
                    try {
                        computed = commit.hashAfter(previous);
                    } catch (CommitHash.UnexpectedContent e) {
                        return new Verification(checked, last, previous, number, "altered: commit " + number
                                + "'s content is not as it was written: " + e.getMessage());
                    }
                    if (!computed.equals(stored)) {
                        return new Verification(checked, last, previous, number, "altered: commit " + number
                                + "'s content or its predecessor's hash does not give its stored hash");
                    }
                    previous = computed;
                    checked++;
                }
            }
            return new Verification(checked, last, previous, null, null);
        } finally {
            reader.shutdown(); // a batch read ahead of a finding finishes by itself
        }
    }

    /**
     * Commits {@code from} to at most {@code from + size - 1} (and {@code last}), read and placed by number; null
     * where missing.
     */
    private static CommitHash.Stored[] read(MongoCollection<RawBsonDocument> commits, long from, long last, int size) {
        List<Long> wanted = LongStream.rangeClosed(from, Math.min(from + size - 1, last)).boxed().toList();
        CommitHash.Stored[] found = new CommitHash.Stored[wanted.size()];
        for (RawBsonDocument stored : commits.find(Filters.in("_id", wanted)).batchSize(size)) {
            CommitHash.Stored commit = CommitHash.read(stored);
            Long number = commit.number();
            if (number != null && number >= from && number < from + found.length) {
                found[(int) (number - from)] = commit;
            }
        }
        return found;
    }

    private static CommitHash.Stored[] result(Future<CommitHash.Stored[]> read) {
        try {
            return read.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure; // e.g. the store is unavailable: answered as such
            }
            throw new IllegalStateException("reading commits failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while verifying the hash chain", e);
        }
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
        for (long from = first; from <= head; from += MIGRATE_BATCH) {
            List<Long> wanted = LongStream.rangeClosed(from, Math.min(from + MIGRATE_BATCH - 1, head)).boxed().toList();
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
