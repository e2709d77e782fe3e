package newsroom.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import newsroom.api.TestStore;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** Emptying read models for a rebuild, batch by batch, on the embedded store. */
class ReadModelCollectionsIT {

    @Test
    void deletesEveryDocumentOfEachCollectionInBatchesAndNothingElse() throws Exception {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(TestStore.freshDataDir());
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase database = client.getDatabase("newsroom");
            MongoCollection<Document> entries = database.getCollection("entries");
            MongoCollection<Document> postings = database.getCollection("postings");
            MongoCollection<Document> kept = database.getCollection("kept");
            // more than two batches, with the kinds of ids the read models use
            int many = ReadModelCollections.BATCH * 2 + 37;
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < many; i++) {
                Object id = switch (i % 3) {
                    case 0 -> "story-" + i;
                    case 1 -> (long) i;
                    default -> new ObjectId();
                };
                documents.add(new Document("_id", id).append("text", "entry " + i));
            }
            entries.insertMany(documents);
            postings.insertMany(List.of(new Document("_id", "person|eddie|2027-03"), new Document("_id", "*|2027-03")));
            kept.insertOne(new Document("_id", "users").append("layout", 1));

            ReadModelCollections.deleteAll(entries, postings);

            assertThat(entries.countDocuments()).isZero();
            assertThat(postings.countDocuments()).isZero();
            assertThat(kept.countDocuments()).isEqualTo(1);
            entries.insertOne(new Document("_id", "story-0"));
            assertThat(entries.countDocuments()).as("the collection takes documents again").isEqualTo(1);
        }
    }
}
