package newsroom.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import newsroom.api.TestStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * A client of the embedded server that asks for a journaled write ({@code j: true}, or {@code w: "majority"}) is
 * answered once the write is in the store's file, as a real MongoDB answers it once the write is in its journal; a
 * write that asks for neither may stay in memory until the next flush. Checked on a copy of the files taken right
 * after the answers, which is what a crash at that moment would leave (the files are synced before the answer too,
 * which a copy cannot show).
 */
class JournaledWritesIT {

    /** Nothing is flushed on a timer during the test: what is in the file was put there for the writes' sake. */
    private static final EmbeddedStoreSettings NO_TIMED_FLUSH = new EmbeddedStoreSettings(16,
            EmbeddedStoreSettings.DEFAULT_FILL_RATE, EmbeddedStoreSettings.DEFAULT_COMPACT_ON_STOP,
            Duration.ofHours(1), Duration.ofHours(1), Duration.ofSeconds(15));

    /** One collection in each file: the events file's and the read models' ({@link StoreFiles}). */
    private static final List<String> COLLECTIONS = List.of("idempotency_keys", "stories");

    @Test
    void aJournaledWriteIsInTheFileWhenItIsAnsweredAndAPlainOneNeedNotBe() throws Exception {
        Path dataDir = TestStore.freshDataDir();
        Path crashed = TestStore.freshDataDir();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, NO_TIMED_FLUSH);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase database = client.getDatabase("newsroom");
            for (String name : COLLECTIONS) {
                MongoCollection<Document> collection = database.getCollection(name);
                collection.withWriteConcern(WriteConcern.JOURNALED).insertOne(new Document("_id", "journaled"));
                collection.withWriteConcern(WriteConcern.MAJORITY).insertOne(new Document("_id", "majority"));
            }
            // after all of them: a journaled write to the read models' file writes the events file too
            for (String name : COLLECTIONS) {
                database.getCollection(name).insertOne(new Document("_id", "plain"));
            }
            Files.createDirectories(crashed);
            for (String file : List.of(StoreFiles.EVENTS_FILE, StoreFiles.READ_MODELS_FILE)) {
                Files.copy(dataDir.resolve(file), crashed.resolve(file));
            }
        }

        try (EmbeddedMongoServer restarted = EmbeddedMongoServer.start(crashed, NO_TIMED_FLUSH);
             MongoClient client = MongoClients.create(restarted.connectionString())) {
            for (String name : COLLECTIONS) {
                List<Object> ids = client.getDatabase("newsroom").getCollection(name).find()
                        .map(document -> document.get("_id")).into(new ArrayList<>());
                assertThat(ids).as(name).containsExactlyInAnyOrder("journaled", "majority");
            }
        }
    }
}
