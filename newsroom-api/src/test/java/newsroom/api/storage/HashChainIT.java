package newsroom.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import newsroom.api.TestStore;
import newsroom.api.projection.StoryWorkload;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hash chain over the commits, edited straight in MongoDB: verify names exactly the commit that was
 * changed or removed; commits from before the chain are chained once by a recorded migration.
 */
class HashChainIT {

    private static MongoServer server;
    private static MongoClient client;

    private final Serializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS))
            .build();
    private MongoDatabase database;
    private MongoCollection<Document> commits;
    private MongoEventStorageEngine engine;

    record Noted(String text) {
    }

    @BeforeAll
    static void connect() {
        String uri = TestStore.externalUri().orElseGet(() -> {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
        });
        client = MongoClients.create(uri);
    }

    @AfterAll
    static void disconnect() {
        client.close();
        if (server != null) {
            server.shutdownNow();
        }
    }

    @BeforeEach
    void freshDatabase() {
        database = client.getDatabase(TestStore.uniqueDatabaseName());
        commits = database.getCollection(MongoEventStorageEngine.COLLECTION);
        engine = newEngine();
        for (int seq = 0; seq < 5; seq++) {
            engine.appendEvents(List.of(event("a", seq, "a" + seq)));
            engine.appendEvents(List.of(event("b", seq, "b" + seq)));
        }
    }

    @AfterEach
    void dropDatabase() {
        database.drop();
    }

    @Test
    void anUntouchedStoreVerifiesCleanAndEveryCommitChainsToItsPredecessor() {
        HashChain.Verification verification = engine.verifyChain(-1);
        assertThat(verification.intact()).isTrue();
        assertThat(verification.commits()).isEqualTo(10);
        assertThat(verification.head()).isEqualTo(9);
        String previous = HashChain.GENESIS;
        for (Document commit : commits.find().sort(Sorts.ascending("_id"))) {
            assertThat(commit.getString("hash")).isEqualTo(ChainVersion1.hash(commit, previous));
            previous = commit.getString("hash");
        }
        assertThat(verification.headHash()).isEqualTo(previous);
    }

    @Test
    void realisticCommitsAreChainedAsTheChainFirstDefinedItAndVerifyAcrossReadBatches() {
        StoryWorkload workload = new StoryWorkload();
        for (int written = 0; written < 3 * HashChain.READ_BATCH; ) {
            List<? extends EventMessage<?>> commit = workload.nextCommit();
            if (!commit.isEmpty()) {
                engine.appendEvents(commit);
                written++;
            }
        }
        engine.appendEvents(List.of(event("c", 0, "Größer — 新しい 🤖"), event("c", 1, "broken \uD800 pair")));

        String previous = HashChain.GENESIS;
        for (Document commit : commits.find().sort(Sorts.ascending("_id"))) {
            assertThat(commit.getString("hash")).as("commit %s", commit.get("_id"))
                    .isEqualTo(ChainVersion1.hash(commit, previous));
            previous = commit.getString("hash");
        }
        HashChain.Verification verification = engine.verifyChain(-1);
        assertThat(verification.intact()).isTrue();
        assertThat(verification.commits()).isEqualTo(10 + 3 * HashChain.READ_BATCH + 1);
        assertThat(verification.headHash()).isEqualTo(previous);
    }

    @Test
    void findingsAreNamedAtTheirCommitInAnyReadBatch() {
        for (int seq = 5; commits.countDocuments() < 3 * HashChain.READ_BATCH; seq++) {
            engine.appendEvents(List.of(event("a", seq, "a" + seq)));
        }
        long edited = 2L * HashChain.READ_BATCH + 5;
        commits.updateOne(Filters.eq("_id", edited), Updates.set("events.0.timestamp", "2026-11-23T08:30:01Z"));
        assertThat(engine.verifyChain(-1).firstBadCommit()).isEqualTo(edited);

        long deleted = HashChain.READ_BATCH;
        commits.deleteOne(Filters.eq("_id", deleted));
        HashChain.Verification verification = engine.verifyChain(-1);
        assertThat(verification.firstBadCommit()).isEqualTo(deleted);
        assertThat(verification.commits()).isEqualTo(deleted);
        assertThat(verification.problem()).startsWith("missing");
    }

    @Test
    void aHashedFieldOfAnotherTypeIsReportedAsAltered() {
        commits.updateOne(Filters.eq("_id", 2L), Updates.set("events.0.payload", 42));

        HashChain.Verification verification = engine.verifyChain(-1);
        assertThat(verification.firstBadCommit()).isEqualTo(2);
        assertThat(verification.problem()).startsWith("altered").contains("payload");
    }

    @Test
    void oneEditedPayloadFieldIsReportedAtExactlyThatCommit() {
        Document commit = commits.find(Filters.eq("_id", 4L)).first();
        Document event = commit.getList("events", Document.class).get(0);
        String payload = event.getString("payload");
        assertThat(payload).contains("\"a2\"");
        commits.updateOne(Filters.eq("_id", 4L), Updates.set("events.0.payload", payload.replace("\"a2\"", "\"a9\"")));

        HashChain.Verification verification = engine.verifyChain(-1);
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBadCommit()).isEqualTo(4);
        assertThat(verification.commits()).isEqualTo(4);
        assertThat(verification.problem()).startsWith("altered");
    }

    @Test
    void anEditedMetadataFieldOrAReplacedHashIsReportedToo() {
        String metaData = commits.find(Filters.eq("_id", 6L)).first().getList("events", Document.class).get(0)
                .getString("metaData");
        commits.updateOne(Filters.eq("_id", 6L), Updates.set("events.0.metaData", "{\"username\":\"mallory\"}"));
        assertThat(engine.verifyChain(-1).firstBadCommit()).isEqualTo(6);

        commits.updateOne(Filters.eq("_id", 6L), Updates.set("events.0.metaData", metaData));
        assertThat(engine.verifyChain(-1).intact()).isTrue();
        Document seven = commits.find(Filters.eq("_id", 7L)).first();
        commits.updateOne(Filters.eq("_id", 7L), Updates.set("hash", HashChain.hash(seven, HashChain.GENESIS)));
        assertThat(engine.verifyChain(-1).firstBadCommit()).isEqualTo(7);
    }

    @Test
    void aDeletedCommitIsReported() {
        commits.deleteOne(Filters.eq("_id", 3L));

        HashChain.Verification verification = engine.verifyChain(-1);
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBadCommit()).isEqualTo(3);
        assertThat(verification.problem()).startsWith("missing");
    }

    @Test
    void aDeletedNewestCommitIsReportedAgainstTheCommitACheckpointNamed() {
        long checkpointed = engine.headCommitNumber();
        commits.deleteOne(Filters.eq("_id", checkpointed));

        assertThat(engine.verifyChain(-1).intact()).isTrue(); // the chain alone cannot know about a lost tail
        HashChain.Verification verification = engine.verifyChain(checkpointed);
        assertThat(verification.firstBadCommit()).isEqualTo(checkpointed);
        assertThat(verification.problem()).startsWith("missing");
    }

    @Test
    void commitsStoredBeforeTheChainAreChainedOnceInOrderAndTheMigrationIsRecorded() {
        List<String> written = new ArrayList<>();
        commits.find().sort(Sorts.ascending("_id")).forEach(commit -> written.add(commit.getString("hash")));
        commits.updateMany(new Document(), Updates.unset("hash")); // a store from before the chain

        MongoEventStorageEngine restarted = newEngine();

        List<String> migrated = new ArrayList<>();
        commits.find().sort(Sorts.ascending("_id")).forEach(commit -> migrated.add(commit.getString("hash")));
        assertThat(migrated).isEqualTo(written);
        Document record = database.getCollection(MongoEventStorageEngine.CHAIN_RECORDS)
                .find(Filters.eq("_id", "migration")).first();
        assertThat(record).isNotNull();
        assertThat(record.getLong("firstCommit")).isZero();
        assertThat(record.getLong("lastCommit")).isEqualTo(9);
        assertThat(record.getString("headHash")).isEqualTo(written.get(9));

        restarted.appendEvents(List.of(event("a", 5, "a5")));
        assertThat(restarted.verifyChain(-1).intact()).isTrue();
        assertThat(restarted.verifyChain(-1).commits()).isEqualTo(11);
        String at = record.getString("at");
        newEngine(); // a later start finds everything chained and records nothing new
        assertThat(database.getCollection(MongoEventStorageEngine.CHAIN_RECORDS).find(Filters.eq("_id", "migration"))
                .first().getString("at")).isEqualTo(at);
    }

    private MongoEventStorageEngine newEngine() {
        return MongoEventStorageEngine.builder()
                .database(database)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .build();
    }

    private static GenericDomainEventMessage<Noted> event(String aggregate, long seq, String text) {
        return new GenericDomainEventMessage<>("Thing", aggregate, seq, new Noted(text), org.axonframework.messaging.MetaData.emptyInstance(),
                java.util.UUID.randomUUID().toString(), Instant.parse("2026-11-23T08:30:00Z"));
    }
}
