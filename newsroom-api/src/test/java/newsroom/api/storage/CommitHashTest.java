package newsroom.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Test;

/**
 * The hash verify computes from a commit's stored BSON is the chain's hash as first defined over the decoded
 * commit ({@link ChainVersion1}), for every shape of content the writer stores, so commits chained before
 * stay intact; content the writer never writes is refused as altered.
 */
class CommitHashTest {

    private static final String PREVIOUS = "ab".repeat(32);

    @Test
    void aStoredCommitHashesAsTheChainFirstDefinedIt() {
        Document commit = commit(41L, "story-1", 3L, 4L, List.of(
                event("e-1", 3L, "newsroom.story.DraftEditedEvent", "{\"storyId\":\"story-1\",\"title\":\"Plain\"}"),
                event("e-2", 4L, "newsroom.story.ApprovalWithdrawnEvent", "{\"reason\":\"content changed\"}")));

        assertThat(storedHash(commit)).isEqualTo(ChainVersion1.hash(commit, PREVIOUS));
    }

    @Test
    void textBeyondAsciiHashesAsItsUtf8() {
        Document commit = commit(7L, "story-ü", 0L, 0L, List.of(event("e-ß", 0L, "newsroom.story.StoryPitchedEvent",
                "{\"title\":\"Größer, schöner — 新しい工場 🤖\",\"angle\":\"Ærø\"}")));

        assertThat(storedHash(commit)).isEqualTo(ChainVersion1.hash(commit, PREVIOUS));
    }

    @Test
    void missingValuesHashAsTheFirstDefinitionSawThem() {
        // an event of no aggregate: no aggregate id, type or sequence numbers; a payload without a revision
        Document noAggregate = new Document("_id", 12L).append("aggregateKey", "event:e-9").append("events",
                List.of(new Document("eventId", "e-9").append("timestamp", "2026-11-23T08:30:00Z")
                        .append("payloadType", "newsroom.api.audit.AuditTrailReadEvent").append("payloadRevision", null)
                        .append("payload", "{}").append("metaData", "{\"username\":\"otto\"}")));

        assertThat(storedHash(noAggregate)).isEqualTo(ChainVersion1.hash(noAggregate, PREVIOUS));
    }

    @Test
    void numbersStoredAsInt32HashLikeInt64() {
        Document commit = commit(5L, "story-2", 1L, 1L, List.of(event("e-3", 1L, "T", "{}")));
        commit.put("_id", 5);
        commit.put("firstSeq", 1);
        commit.getList("events", Document.class).get(0).put("seq", 1);

        assertThat(storedHash(commit)).isEqualTo(ChainVersion1.hash(commit, PREVIOUS));
    }

    @Test
    void theOrderFieldsAreStoredInDoesNotMatter() {
        Document commit = commit(8L, "story-3", 2L, 2L, List.of(event("e-4", 2L, "T", "{\"a\":1}")));
        Document reordered = new Document("hash", "x");
        List<String> keys = new ArrayList<>(commit.keySet());
        Collections.reverse(keys);
        keys.forEach(key -> reordered.put(key, commit.get(key)));

        assertThat(storedHash(reordered)).isEqualTo(ChainVersion1.hash(commit, PREVIOUS));
    }

    @Test
    void theHashWrittenIsTheHashOfWhatAReaderGetsBackEvenForAnUnpairedSurrogate() {
        // a JSON escape can put half a surrogate pair into a text; the store keeps what the driver encodes
        Document commit = commit(9L, "story-4", 0L, 0L, List.of(event("e-5", 0L, "T", "{\"title\":\"broken \uD800 pair\"}")));
        Document readBack = decode(new RawBsonDocument(commit, new DocumentCodec()));

        assertThat(HashChain.hash(commit, PREVIOUS)).isEqualTo(ChainVersion1.hash(readBack, PREVIOUS));
        // hashing the text in memory, as the first writer did, gave a hash no reader could reproduce
        assertThat(ChainVersion1.hash(commit, PREVIOUS)).isNotEqualTo(ChainVersion1.hash(readBack, PREVIOUS));
    }

    @Test
    void contentTheWriterNeverWritesIsAltered() {
        Document numberForText = commit(10L, "story-5", 0L, 0L, List.of(event("e-6", 0L, "T", "{}")));
        numberForText.put("aggregateId", 42);
        Document eventsAsText = commit(11L, "story-5", 0L, 0L, List.of());
        eventsAsText.put("events", "none");
        Document eventAsText = commit(12L, "story-5", 0L, 0L, List.of());
        eventAsText.put("events", List.of("not an event"));
        Document noEvents = commit(13L, "story-5", 0L, 0L, List.of());
        noEvents.remove("events");

        for (Document altered : List.of(numberForText, eventsAsText, eventAsText, noEvents)) {
            CommitHash.Stored stored = CommitHash.read(new RawBsonDocument(altered, new DocumentCodec()));
            assertThatThrownBy(() -> stored.hashAfter(PREVIOUS)).as("%s", altered)
                    .isInstanceOf(CommitHash.UnexpectedContent.class);
        }
    }

    @Test
    void readingACommitFindsItsNumberAndStoredHash() {
        Document commit = commit(14L, "story-6", 0L, 0L, List.of(event("e-7", 0L, "T", "{}")));
        commit.put("hash", "cd".repeat(32));

        CommitHash.Stored stored = CommitHash.read(new RawBsonDocument(commit, new DocumentCodec()));

        assertThat(stored.number()).isEqualTo(14L);
        assertThat(stored.storedHash()).isEqualTo("cd".repeat(32));
    }

    /** The hash computed from the commit's BSON, as verify reads it from the store. */
    private static String storedHash(Document commit) {
        return CommitHash.read(new RawBsonDocument(commit, new DocumentCodec())).hashAfter(PREVIOUS);
    }

    private static Document decode(RawBsonDocument raw) {
        return new DocumentCodec().decode(raw.asBsonReader(), DecoderContext.builder().build());
    }

    /** A commit as {@code MongoEventStorageEngine} stores it. */
    private static Document commit(long number, String storyId, long firstSeq, long lastSeq, List<Document> events) {
        return new Document("events", events).append("aggregateId", storyId).append("aggregateType", "Story")
                .append("firstSeq", firstSeq).append("lastSeq", lastSeq).append("aggregateKey", storyId + "#" + firstSeq)
                .append("_id", number);
    }

    private static Document event(String id, long seq, String type, String payload) {
        return new Document("eventId", id).append("timestamp", "2026-11-23T08:30:00Z").append("payloadType", type)
                .append("payloadRevision", null).append("payload", payload)
                .append("metaData", "{\"username\":\"eddie\",\"correlationId\":\"c-1\"}").append("seq", seq);
    }
}
