package newsroom.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

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
 * and must still answer the size of what the collection holds after inserts, updates and deletes.
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
}
