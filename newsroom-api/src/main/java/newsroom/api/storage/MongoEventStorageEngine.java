package newsroom.api.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

/**
 * Stores the events of one command as one MongoDB document: a <em>commit</em>.
 * <p>
 * Why: a single-document write is atomic on every MongoDB (the embedded wire-protocol server has no
 * multi-document transactions), so a command's events are stored together or not at all.
 * <p>
 * Each commit has a dense global number as its {@code _id}. A writer takes "highest number it has seen
 * + 1"; the unique {@code _id} lets only one writer have each number, and a loser re-reads the head
 * and tries the next one. Commit N+1 is therefore only ever written by someone who already saw commit
 * N stored, so the sequence has no holes, and a tracking reader that asks for the numbers after its
 * position and stops at the first missing one never skips a commit that lands late. Reads are exact
 * {@code _id $in [...]} lookups, which hit the index on the embedded server too (its range queries
 * scan). A unique {@code aggregateKey} (aggregate id + first sequence number) refuses a second commit
 * built on the same aggregate version: that is the optimistic concurrency check. It also chains an
 * aggregate's commits, so loading a story is a few exact lookups, never a scan.
 * <p>
 * All events of a commit share the tracking token {@code GlobalSequenceTrackingToken(commitNumber)}; a
 * tracking processor handles same-token events in one batch, so a commit is processed whole.
 */
public class MongoEventStorageEngine extends BatchingEventStorageEngine {

    public static final String COLLECTION = "event_commits";
    private static final int MAX_NUMBER_RETRIES = 1_000;

    private final MongoCollection<Document> commits;
    private final Runnable afterCommit;
    /** Serialises this node's appends; other nodes are kept honest by the unique indexes. */
    private final ReentrantLock appendLock = new ReentrantLock();
    private long lastKnownCommit = -1;

    protected MongoEventStorageEngine(Builder builder) {
        super(builder);
        this.commits = builder.database.getCollection(COLLECTION);
        this.afterCommit = builder.afterCommit;
        commits.createIndex(Indexes.ascending("aggregateKey"), new IndexOptions().unique(true));
        HashChain.migrate(commits, headCommitNumber(), builder.database.getCollection(CHAIN_RECORDS));
    }

    /** The records of the hash chain's one-time migration (and later chain housekeeping). */
    public static final String CHAIN_RECORDS = "event_chain";

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        Document commit = toCommit(events, serializer);
        appendLock.lock();
        try {
            long number = lastKnownCommit < 0 ? headCommitNumber() + 1 : lastKnownCommit + 1;
            for (int attempt = 0; attempt < MAX_NUMBER_RETRIES; attempt++) {
                commit.put("_id", number);
                // read, not remembered: the stored predecessor is what verify will chain to
                String previous = HashChain.storedHash(commits, number - 1);
                commit.put(HashChain.HASH, HashChain.hash(commit, previous));
                try {
                    commits.insertOne(commit);
                    lastKnownCommit = number;
                    afterCommit.run();
                    return;
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    if (commit.getString("aggregateKey") != null
                            && commits.find(Filters.eq("aggregateKey", commit.getString("aggregateKey"))).first() != null) {
                        throw new ConcurrencyException("aggregate " + commit.getString("aggregateId")
                                + " already has an event with sequence number " + commit.getLong("firstSeq"), e);
                    }
                    // another node took this number: continue after the head it wrote
                    number = Math.max(number, headCommitNumber()) + 1;
                }
            }
            throw new IllegalStateException("could not obtain a commit number after " + MAX_NUMBER_RETRIES + " attempts");
        } finally {
            appendLock.unlock();
        }
    }

    private Document toCommit(List<? extends EventMessage<?>> events, Serializer serializer) {
        List<Document> entries = new ArrayList<>(events.size());
        String aggregateId = null;
        String aggregateType = null;
        Long firstSeq = null;
        Long lastSeq = null;
        for (EventMessage<?> event : events) {
            SerializedObject<String> payload = event.serializePayload(serializer, String.class);
            SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
            Document entry = new Document("eventId", event.getIdentifier())
                    .append("timestamp", event.getTimestamp().toString())
                    .append("payloadType", payload.getType().getName())
                    .append("payloadRevision", payload.getType().getRevision())
                    .append("payload", payload.getData())
                    .append("metaData", metaData.getData());
            if (event instanceof DomainEventMessage<?> domainEvent && domainEvent.getType() != null) {
                if (aggregateId != null && !aggregateId.equals(domainEvent.getAggregateIdentifier())) {
                    throw new IllegalArgumentException("one commit holds the events of one aggregate");
                }
                aggregateId = domainEvent.getAggregateIdentifier();
                aggregateType = domainEvent.getType();
                firstSeq = firstSeq == null ? domainEvent.getSequenceNumber() : firstSeq;
                lastSeq = domainEvent.getSequenceNumber();
                entry.append("seq", domainEvent.getSequenceNumber());
            }
            entries.add(entry);
        }
        Document commit = new Document("events", entries);
        if (aggregateId != null) {
            commit.append("aggregateId", aggregateId)
                    .append("aggregateType", aggregateType)
                    .append("firstSeq", firstSeq)
                    .append("lastSeq", lastSeq)
                    .append("aggregateKey", aggregateId + "#" + firstSeq);
        } else {
            // Events of no aggregate get a key of their own: the unique index counts a missing key as null,
            // so a second such commit would collide with the first one forever.
            commit.append("aggregateKey", "event:" + events.get(0).getIdentifier());
        }
        return commit;
    }

    /** Recomputes the hash chain (see {@link HashChain#verify}); {@code expectedUpTo} is a kept checkpoint's commit. */
    public HashChain.Verification verifyChain(long expectedUpTo) {
        return HashChain.verify(commits, this::headCommitNumber, expectedUpTo);
    }

    /** The stored hash of a commit; null if it is missing. */
    public String hashOf(long commitNumber) {
        return HashChain.storedHash(commits, commitNumber);
    }

    /** The number of the newest stored commit, -1 for an empty store. */
    public long headCommitNumber() {
        Document head = commits.find().sort(Sorts.descending("_id")).limit(1).first();
        return head == null ? -1 : ((Number) head.get("_id")).longValue();
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        long after = lastToken == null ? -1 : ((GlobalSequenceTrackingToken) lastToken).getGlobalIndex();
        List<Long> wanted = LongStream.rangeClosed(after + 1, after + batchSize).boxed().toList();
        List<Document> found = commits.find(Filters.in("_id", wanted)).into(new ArrayList<>());
        found.sort((a, b) -> Long.compare(number(a), number(b)));
        List<TrackedEventData<?>> result = new ArrayList<>();
        long expected = after + 1;
        for (Document commit : found) {
            if (number(commit) != expected) {
                break; // a hole means a commit is not visible yet: wait for it rather than pass it
            }
            GlobalSequenceTrackingToken token = new GlobalSequenceTrackingToken(expected);
            for (DomainEventData<?> event : eventsOf(commit)) {
                result.add(new TrackedDomainEventData<>(token, event));
            }
            expected++;
        }
        return result;
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                     long firstSequenceNumber, int batchSize) {
        List<DomainEventData<?>> result = new ArrayList<>();
        for (Document commit : commitsOf(aggregateIdentifier)) {
            if (commit.getLong("lastSeq") < firstSequenceNumber) {
                continue;
            }
            for (DomainEventData<?> event : eventsOf(commit)) {
                if (event.getSequenceNumber() >= firstSequenceNumber) {
                    result.add(event);
                }
            }
        }
        return result;
    }

    @Override
    protected boolean fetchForAggregateUntilEmpty() {
        return false; // fetchDomainEvents returns the whole remaining stream at once
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        List<Document> all = commitsOf(aggregateIdentifier);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1).getLong("lastSeq"));
    }

    /**
     * The aggregate's commits in order, found by following the unique {@code aggregateKey} from sequence
     * number 0: each commit says where the next one starts. Every step is an exact lookup on a unique
     * index, which the embedded server serves without scanning (it ignores non-unique indexes).
     */
    private List<Document> commitsOf(String aggregateIdentifier) {
        List<Document> chain = new ArrayList<>();
        long nextSeq = 0;
        Document commit;
        while ((commit = commits.find(Filters.eq("aggregateKey", aggregateIdentifier + "#" + nextSeq)).first()) != null) {
            chain.add(commit);
            nextSeq = commit.getLong("lastSeq") + 1;
        }
        return chain;
    }

    @Override
    public TrackingToken createTailToken() {
        return null; // start before commit 0
    }

    @Override
    public TrackingToken createHeadToken() {
        long head = headCommitNumber();
        return head < 0 ? null : new GlobalSequenceTrackingToken(head);
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        // Stories are short streams; snapshots are not taken (no snapshot trigger is configured).
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }

    private static long number(Document commit) {
        return ((Number) commit.get("_id")).longValue();
    }

    private static List<DomainEventData<?>> eventsOf(Document commit) {
        String aggregateId = commit.getString("aggregateId");
        String aggregateType = commit.getString("aggregateType");
        List<DomainEventData<?>> events = new ArrayList<>();
        for (Document entry : commit.getList("events", Document.class)) {
            String eventId = entry.getString("eventId");
            Long seq = entry.getLong("seq");
            events.add(new GenericDomainEventEntry<>(aggregateType,
                    aggregateId == null ? eventId : aggregateId,
                    seq == null ? 0L : seq,
                    eventId,
                    entry.getString("timestamp"),
                    entry.getString("payloadType"),
                    entry.getString("payloadRevision"),
                    entry.getString("payload"),
                    entry.getString("metaData")));
        }
        return events;
    }

    public static class Builder extends BatchingEventStorageEngine.Builder {

        private MongoDatabase database;
        private Runnable afterCommit = () -> { };

        public Builder() {
            // lets Axon report our conflict as its ConcurrencyException instead of a generic store failure
            persistenceExceptionResolver(exception -> exception instanceof ConcurrencyException);
        }

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        /** Runs after each stored commit; the embedded store flushes its file here. */
        public Builder afterCommit(Runnable afterCommit) {
            this.afterCommit = afterCommit;
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        public MongoEventStorageEngine build() {
            if (database == null) {
                throw new IllegalStateException("a MongoDatabase is required");
            }
            return new MongoEventStorageEngine(this);
        }
    }
}
