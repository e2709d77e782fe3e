package newsroom.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import newsroom.api.TestDatabase;
import newsroom.api.storage.DocumentMapper;
import newsroom.api.storage.MongoEventStorageEngine;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit files each event of a commit under its own entry id, however the processor cuts the commit into
 * batches: a commit whose events arrive in two batches keeps all of them.
 */
class AuditProjectionIT {

    private TestDatabase test;
    private MongoDatabase database;
    private MongoEventStorageEngine engine;
    private AuditProjection projection;

    record Noted(String text) {
    }

    @BeforeEach
    void start() {
        test = new TestDatabase();
        database = test.database();
        Serializer serializer = JacksonSerializer.defaultSerializer();
        engine = MongoEventStorageEngine.builder().database(database).eventSerializer(serializer)
                .snapshotSerializer(serializer).build();
        projection = new AuditProjection(new AuditRepository(test.store(), new DocumentMapper()), new ObjectMapper(),
                engine);
    }

    @AfterEach
    void stop() {
        test.close();
    }

    @Test
    void aCommitWhoseEventsArriveInTwoBatchesKeepsEveryEvent() {
        engine.appendEvents(List.of(event(0, "first"), event(1, "second"), event(2, "third")));
        List<TrackedEventMessage<?>> commit = stored();
        assertThat(commit).hasSize(3);

        handleAsOneBatch(commit.subList(0, 1));
        handleAsOneBatch(commit.subList(1, 3));

        List<String> filed = new ArrayList<>();
        database.getCollection("audit_entries").find().sort(Sorts.ascending("_id"))
                .forEach(entry -> filed.add(entry.get("_id") + " " + entry.getString("data")));
        assertThat(filed).containsExactly("0 {\"text\":\"first\"}", "1 {\"text\":\"second\"}", "2 {\"text\":\"third\"}");
    }

    @Test
    void handlingABatchAgainFilesTheSameEntries() {
        engine.appendEvents(List.of(event(0, "first"), event(1, "second")));
        List<TrackedEventMessage<?>> commit = stored();

        handleAsOneBatch(commit);
        handleAsOneBatch(commit.subList(1, 2)); // a batch handled again after a failure, from inside the commit

        assertThat(database.getCollection("audit_entries").countDocuments()).isEqualTo(2);
        Document second = database.getCollection("audit_entries").find(new Document("_id", 1L)).first();
        assertThat(second.getString("data")).isEqualTo("{\"text\":\"second\"}");
    }

    private List<TrackedEventMessage<?>> stored() {
        List<TrackedEventMessage<?>> stored = new ArrayList<>();
        engine.readEvents(null, false).forEach(stored::add);
        return stored;
    }

    private void handleAsOneBatch(List<TrackedEventMessage<?>> messages) {
        BatchingUnitOfWork<TrackedEventMessage<?>> batch = new BatchingUnitOfWork<>(messages);
        batch.executeWithResult(() -> {
            TrackedEventMessage<?> message = batch.getMessage();
            projection.on(message.getPayload(), message);
            return null;
        });
    }

    private static GenericDomainEventMessage<Noted> event(long seq, String text) {
        return new GenericDomainEventMessage<>("Thing", "thing-1", seq, new Noted(text),
                MetaData.with("username", "eddie"), UUID.randomUUID().toString(), Instant.parse("2026-11-23T08:30:00Z"));
    }
}
