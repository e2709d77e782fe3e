package newsroom.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import newsroom.api.TestStore;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

/**
 * How the embedded store answers queries through its indexes: a unique index also serves a query that pins its key
 * next to other conditions (the whole query still decides), and a secondary index, which the backend does not keep,
 * survives a restart without being built from the documents and without changing any answer.
 */
class EmbeddedStoreIndexIT {

    @Test
    void aQueryThatPinsAUniqueKeyBesideOtherConditionsAnswersExactlyTheMatchingDocuments() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(TestStore.freshDataDir());
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> records = client.getDatabase("newsroom").getCollection("records");
            records.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
            for (int i = 0; i < 20; i++) {
                Document record = new Document("_id", i).append("key", "k" + i).append("state", i % 2 == 0 ? "DONE" : "IN_PROGRESS");
                if (i % 3 == 0) {
                    record.append("hash", "h" + i);
                }
                records.insertOne(record);
            }

            assertThat(ids(records, Filters.and(Filters.eq("_id", 6), Filters.exists("hash")))).containsExactly(6);
            assertThat(ids(records, Filters.and(Filters.eq("_id", 7), Filters.exists("hash")))).isEmpty();
            assertThat(ids(records, new Document("_id", 4).append("state", "DONE"))).containsExactly(4);
            assertThat(ids(records, new Document("_id", 4).append("state", "IN_PROGRESS"))).isEmpty();
            assertThat(ids(records, Filters.and(Filters.in("_id", 1, 2, 3, 99), Filters.eq("state", "IN_PROGRESS"))))
                    .containsExactlyInAnyOrder(1, 3);
            assertThat(ids(records, Filters.and(Filters.eq("key", "k9"), Filters.eq("state", "IN_PROGRESS"))))
                    .containsExactly(9);
            assertThat(ids(records, Filters.and(Filters.eq("_id", 2), Filters.eq("_id", 3)))).isEmpty();
            assertThat(ids(records, Filters.or(Filters.eq("_id", 2), Filters.eq("state", "IN_PROGRESS"))))
                    .containsExactlyInAnyOrder(1, 2, 3, 5, 7, 9, 11, 13, 15, 17, 19);

            // writes with such a filter change only what the whole filter matches
            assertThat(records.updateOne(Filters.and(Filters.eq("_id", 5), Filters.eq("state", "DONE")),
                    Updates.set("state", "RELEASED")).getModifiedCount()).isZero();
            assertThat(records.updateOne(Filters.and(Filters.eq("_id", 5), Filters.eq("state", "IN_PROGRESS")),
                    Updates.set("state", "RELEASED")).getModifiedCount()).isOne();
            assertThat(records.deleteOne(Filters.and(Filters.eq("_id", 8), Filters.eq("state", "IN_PROGRESS")))
                    .getDeletedCount()).isZero();
            assertThat(records.deleteOne(Filters.and(Filters.eq("_id", 8), Filters.eq("state", "DONE")))
                    .getDeletedCount()).isOne();
            assertThat(ids(records, Filters.eq("state", "RELEASED"))).containsExactly(5);
            assertThat(records.countDocuments()).isEqualTo(19);
        }
    }

    @Test
    void aSecondaryIndexSurvivesARestartAndAnswersAsBefore() {
        Path dataDir = TestStore.freshDataDir();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> stories = client.getDatabase("newsroom").getCollection("stories");
            stories.createIndex(Indexes.ascending("status"));
            for (int i = 0; i < 30; i++) {
                stories.insertOne(new Document("_id", "s" + i).append("status", i % 3 == 0 ? "APPROVED" : "PITCHED"));
            }
        }

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> stories = client.getDatabase("newsroom").getCollection("stories");
            assertThat(stories.listIndexes().map(index -> index.getString("name")).into(new ArrayList<>()))
                    .contains("_id_", "status_1");
            assertThat(stories.find(Filters.eq("status", "APPROVED")).map(story -> story.getString("_id"))
                    .into(new ArrayList<>())).containsExactlyInAnyOrder("s0", "s3", "s6", "s9", "s12", "s15", "s18",
                    "s21", "s24", "s27");
            stories.insertOne(new Document("_id", "s30").append("status", "APPROVED"));
            stories.updateOne(Filters.eq("_id", "s0"), Updates.set("status", "PUBLISHED"));
            assertThat(stories.countDocuments(Filters.eq("status", "APPROVED"))).isEqualTo(10);
            assertThat(stories.countDocuments(Filters.eq("status", "PUBLISHED"))).isOne();
        }
    }

    private static List<Integer> ids(MongoCollection<Document> records, Bson filter) {
        return records.find(filter).map(record -> record.getInteger("_id")).into(new ArrayList<>());
    }
}
