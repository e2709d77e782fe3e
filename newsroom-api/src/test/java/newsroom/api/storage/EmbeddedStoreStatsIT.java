package newsroom.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import newsroom.api.TestStore;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Test;

/**
 * The embedded store no longer keeps a running data size on every write; a {@code collStats} request counts it,
 * and must still answer the size of what the collection holds after inserts, updates and deletes. Opening the
 * store must not count it: that read every document at each start.
 */
class EmbeddedStoreStatsIT {

    @Test
    void collStatsCountsTheSizeOfWhatTheCollectionHoldsNow() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(TestStore.freshDataDir());
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase database = client.getDatabase("newsroom");
            MongoCollection<Document> notes = database.getCollection("notes");
            for (int i = 0; i < 10; i++) {
                notes.insertOne(new Document("_id", i).append("text", "note " + i));
            }
            notes.updateOne(Filters.eq("_id", 3), Updates.set("text", "a much longer text than before ".repeat(20)));
            notes.updateOne(Filters.eq("_id", 4), Updates.unset("text"));
            notes.deleteOne(Filters.eq("_id", 5));

            long expected = 0;
            for (Document note : notes.find()) {
                expected += new RawBsonDocument(note, new DocumentCodec()).getByteBuffer().remaining();
            }
            Document stats = database.runCommand(new Document("collStats", "notes"));
            assertThat(stats.get("count", Number.class).longValue()).isEqualTo(9);
            assertThat(stats.get("size", Number.class).longValue()).isEqualTo(expected);
        }
    }

    @Test
    void openingTheStoreReadsAFewPagesNotEveryDocument() {
        Path dataDir = TestStore.freshDataDir();
        Random random = new Random(7); // text that does not compress, so the file holds what it holds
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> stories = client.getDatabase("newsroom").getCollection("stories");
            for (int batch = 0; batch < 20; batch++) {
                List<Document> documents = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    byte[] body = new byte[1_000];
                    random.nextBytes(body);
                    documents.add(new Document("_id", batch * 100 + i).append("body", HexFormat.of().formatHex(body)));
                }
                stories.insertMany(documents);
            }
        }
        long fileBytes = EmbeddedMongoServer.filesSize(dataDir);
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir)) {
            assertThat(server.bytesRead()).as("bytes read on opening a store of %d bytes", fileBytes)
                    .isLessThan(fileBytes / 4);
        }
    }
}
