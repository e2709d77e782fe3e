package newsroom.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import newsroom.api.TestStore;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

/**
 * A store file written by the previous version (mongo-java-server's own H2 maps: Java-serialised documents
 * and index keys) is converted when it is opened, and keeps every event, document and unique index.
 */
class EmbeddedStoreUpgradeIT {

    private final Serializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS))
            .build();

    record Noted(String text, Instant at) {
    }

    @Test
    void aFileOfTheEarlierFormatIsConvertedWhenOpenedAndKeepsEverything() {
        Path dataDir = TestStore.freshDataDir();
        Path file = dataDir.resolve(EmbeddedMongoServer.FILE_NAME);
        MongoServer earlier = new MongoServer(new H2Backend(file.toString()));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + earlier.bind().getPort())) {
            MongoDatabase database = client.getDatabase("newsroom");
            MongoEventStorageEngine engine = engine(database);
            engine.appendEvents(List.of(event("a", 0, "pitched"), event("a", 1, "accepted")));
            engine.appendEvents(List.of(event("b", 0, "other story")));
            engine.appendEvents(List.of(event("a", 2, "planned")));
            database.getCollection("stories").insertOne(new Document("_id", "a").append("title", "Robot cell")
                    .append("placements", List.of(new Document("channel", "linkedin"))));
        } finally {
            earlier.shutdownNow(); // closes the store file
        }
        assertThat(mapNames(file)).anyMatch(name -> name.contains("._index_"));

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase database = client.getDatabase("newsroom");
            MongoEventStorageEngine engine = engine(database);

            assertThat(engine.readEvents("a").asStream().map(e -> ((Noted) e.getPayload()).text()).toList())
                    .containsExactly("pitched", "accepted", "planned");
            assertThat(engine.readEvents(null, false).count()).isEqualTo(4);
            assertThat(engine.headCommitNumber()).isEqualTo(2);
            assertThat(database.getCollection("stories").find(Filters.eq("_id", "a")).first())
                    .isEqualTo(new Document("_id", "a").append("title", "Robot cell")
                            .append("placements", List.of(new Document("channel", "linkedin"))));
            // the unique indexes were rebuilt: a second commit on a stored version is still refused
            assertThatThrownBy(() -> engine.appendEvents(List.of(event("a", 2, "rival"))))
                    .isInstanceOf(ConcurrencyException.class);
            engine.appendEvents(List.of(event("a", 3, "submitted")));
            assertThat(engine.lastSequenceNumberFor("a")).contains(3L);
        }

        Set<String> names = mapNames(file);
        assertThat(names).noneMatch(name -> name.contains("._index_"))
                .noneMatch(name -> name.startsWith("databases.newsroom.") && !name.endsWith("#bson"))
                .contains("databases.newsroom.event_commits#bson", "newsroom.event_commits._keys_aggregateKey_1");
    }

    private MongoEventStorageEngine engine(MongoDatabase database) {
        return MongoEventStorageEngine.builder().database(database).eventSerializer(serializer)
                .snapshotSerializer(serializer).build();
    }

    private static Set<String> mapNames(Path file) {
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            return new TreeSet<>(store.getMapNames());
        }
    }

    private static DomainEventMessage<?> event(String aggregate, long seq, String text) {
        return new GenericDomainEventMessage<>("Thing", aggregate, seq,
                new Noted(text, Instant.parse("2026-11-23T08:30:00Z")));
    }
}
