package newsroom.api.storage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
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
 * Each commit has a dense global number as its {@code _id}. Concurrent appends are written together
 * by {@link CommitWriter} with consecutive numbers in one ordered insert and made durable together by
 * the store's {@link Durability} (group commit): no append returns before its commit is durable.
 * The unique {@code _id} lets only one writer have each number; commit N+1 is only ever written by
 * someone who already saw commit N stored, so the sequence has no holes, and a tracking reader that
 * asks for the numbers after its position and stops at the first missing one never skips a commit that
 * lands late. Reads are exact {@code $in} lookups on unique indexes, which the embedded server serves
 * from its index (its range queries scan). A unique {@code aggregateKey} (aggregate id + first sequence
 * number) refuses a second commit built on the same aggregate version: that is the optimistic
 * concurrency check. It also names an aggregate's commits, so a story is loaded by asking for the keys
 * its commits can have, a window at a time.
 * <p>
 * The last event of a commit has the tracking token {@code GlobalSequenceTrackingToken(commitNumber)}, the
 * commit's other events a {@link MidCommitToken} with the same position: a stream opened again from any of
 * them goes on with the rest of that commit.
 */
public class MongoEventStorageEngine extends BatchingEventStorageEngine {

    public static final String COLLECTION = "event_commits";
    /** Commits read per tracking batch: one exact lookup each, in one query. */
    static final int DEFAULT_TRACKING_BATCH = 256;
    /** Commit numbers a tracking read asks for beyond the highest known to exist. */
    static final int TRACKING_PROBE = 16;
    /**
     * Sequence numbers asked for in the first lookup of a story; most stories fit (a story's life from pitch to
     * approval stores about 10 events), longer ones take a second, wider lookup. Each key asked for is an index
     * lookup on the embedded server: 128 of them for every command's two reads were ~2% of its CPU.
     */
    static final int FIRST_LOAD_WINDOW = 32;
    private static final Document CHAIN_FIELDS = new Document("_id", 1).append("firstSeq", 1).append("lastSeq", 1);

    private final MongoCollection<Document> commits;
    private final CommitNumbers numbers;
    private final CommitWriter writer;
    private final int trackingBatch;

    protected MongoEventStorageEngine(Builder builder) {
        super(builder);
        this.commits = builder.database.getCollection(COLLECTION);
        this.trackingBatch = builder.trackingBatch;
        this.numbers = new CommitNumbers(commits);
        this.writer = new CommitWriter(commits, numbers, builder.durability);
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
        writer.write(toCommit(events, serializer)); // returns once the commit is durable
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
                    .append("aggregateKey", aggregateKey(aggregateId, firstSeq));
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

    /**
     * Where an event is among its commit's events (0 for the first), or -1 if the commit does not hold it. A
     * processor may be handed the events of one commit in two batches (they reach it one by one); the second
     * batch asks where it goes on.
     */
    public int placeInCommit(long commitNumber, String eventId) {
        Document commit = commits.find(Filters.eq("_id", commitNumber)).projection(new Document("events.eventId", 1))
                .first();
        if (commit == null) {
            return -1;
        }
        List<Document> events = commit.getList("events", Document.class);
        for (int place = 0; place < events.size(); place++) {
            if (eventId.equals(events.get(place).getString("eventId"))) {
                return place;
            }
        }
        return -1;
    }

    /** The stored hash of a commit; null if it is missing. */
    public String hashOf(long commitNumber) {
        return HashChain.storedHash(commits, commitNumber);
    }

    private static String aggregateKey(String aggregateId, long firstSeq) {
        return aggregateId + "#" + firstSeq;
    }

    /** The number of the newest stored commit, -1 for an empty store. */
    public long headCommitNumber() {
        return numbers.head();
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        // from the middle of a commit: that commit again, without the events already seen
        MidCommitToken inCommit = lastToken instanceof MidCommitToken mid ? mid : null;
        long after = inCommit != null ? inCommit.completeUpTo()
                : lastToken == null ? -1 : ((GlobalSequenceTrackingToken) lastToken).getGlobalIndex();
        // up to the highest commit known to exist and a few beyond it (written meanwhile, or by another node): a
        // processor that is up to date asked for 256 numbers twice per commit, each an index lookup
        long wantedUpTo = after + Math.min(trackingBatch, Math.max(TRACKING_PROBE, highestSeen() - after + TRACKING_PROBE));
        List<Long> wanted = LongStream.rangeClosed(after + 1, wantedUpTo).boxed().toList();
        List<Document> found = commits.find(Filters.in("_id", wanted)).batchSize(trackingBatch)
                .into(new ArrayList<>(trackingBatch));
        found.sort(Comparator.comparingLong(MongoEventStorageEngine::number));
        List<TrackedEventData<?>> result = new ArrayList<>();
        long expected = after + 1;
        for (Document commit : found) {
            if (number(commit) != expected) {
                break; // a hole means a commit is not visible yet: wait for it rather than pass it
            }
            List<DomainEventData<?>> events = eventsOf(commit);
            int first = inCommit != null && expected == inCommit.getGlobalIndex() ? inCommit.getEventIndex() + 1 : 0;
            for (int i = first; i < events.size(); i++) {
                TrackingToken token = i == events.size() - 1 ? new GlobalSequenceTrackingToken(expected)
                        : new MidCommitToken(expected, i);
                result.add(new TrackedDomainEventData<>(token, events.get(i)));
            }
            expected++;
        }
        numbers.seen(expected - 1);
        return result;
    }

    /** The highest commit number known to exist; looks the head up the first time. */
    private long highestSeen() {
        long seen = numbers.highestSeen();
        return seen >= 0 ? seen : numbers.head();
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                     long firstSequenceNumber, int batchSize) {
        List<DomainEventData<?>> result = new ArrayList<>();
        for (Document commit : commitsOf(aggregateIdentifier, null)) {
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
        List<Document> all = commitsOf(aggregateIdentifier, CHAIN_FIELDS);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1).getLong("lastSeq"));
    }

    /**
     * The aggregate's commits in order. Each commit's key is {@code <id>#<first sequence number>} and
     * says where the next one starts, so the commits are found by asking for every key a window of
     * sequence numbers can have, with one {@code $in} on the unique index (exact lookups the embedded
     * server does not scan for), and following the chain through the answer. A chain that reaches past
     * the window continues in a window twice as large; one that ends inside it is complete, because the
     * key of its successor was asked for and is not there.
     */
    private List<Document> commitsOf(String aggregateIdentifier, Document fields) {
        List<Document> chain = new ArrayList<>();
        long nextSeq = 0;
        int window = FIRST_LOAD_WINDOW;
        while (true) {
            long windowEnd = nextSeq + window;
            List<String> keys = new ArrayList<>(window);
            for (long seq = nextSeq; seq < windowEnd; seq++) {
                keys.add(aggregateKey(aggregateIdentifier, seq));
            }
            FindIterable<Document> query = commits.find(Filters.in("aggregateKey", keys)).batchSize(window);
            Map<Long, Document> byFirstSeq = new HashMap<>();
            for (Document commit : fields == null ? query : query.projection(fields)) {
                byFirstSeq.put(commit.getLong("firstSeq"), commit);
            }
            Document commit;
            while ((commit = byFirstSeq.get(nextSeq)) != null) {
                chain.add(commit);
                nextSeq = commit.getLong("lastSeq") + 1;
            }
            if (nextSeq < windowEnd) {
                return chain;
            }
            window = Math.min(window * 2, 4096);
        }
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
        List<Document> entries = commit.getList("events", Document.class);
        List<DomainEventData<?>> events = new ArrayList<>(entries.size());
        for (Document entry : entries) {
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
        private Durability durability = Durability.WRITE_CONCERN;
        private int trackingBatch = DEFAULT_TRACKING_BATCH;

        public Builder() {
            // lets Axon report our conflict as its ConcurrencyException instead of a generic store failure
            persistenceExceptionResolver(exception -> exception instanceof ConcurrencyException);
        }

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        /** Makes appended commits durable before the append returns; the embedded store's group commit. */
        public Builder durability(Durability durability) {
            this.durability = durability;
            return this;
        }

        /** Commits read per tracking query (default 256). */
        public Builder trackingBatch(int commits) {
            if (commits < 1) {
                throw new IllegalArgumentException("a tracking batch holds at least one commit");
            }
            this.trackingBatch = commits;
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
