package newsroom.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import newsroom.api.TestStore;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

/**
 * The embedded store's two files ({@link StoreFiles}): the events and the acknowledged collections in one, the read
 * models in the other; a store whose read models an earlier version kept in the events file moves them on opening.
 */
class EmbeddedStoreFilesIT {

    private static final String STORIES_MAP = "databases.newsroom.stories#bson";

    @Test
    void eventsAndAcknowledgedCollectionsStayInTheEventsFileAndReadModelsGoToTheirOwn() {
        Path dataDir = TestStore.freshDataDir();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("newsroom").getCollection(MongoEventStorageEngine.COLLECTION)
                    .insertOne(new Document("_id", 1L).append("events", List.of()));
            client.getDatabase("newsroom").getCollection("idempotency_keys").insertOne(new Document("_id", "k"));
            client.getDatabase("newsroom").getCollection("stories").insertOne(new Document("_id", "a"));
            client.getDatabase("newsroom").getCollection("trackingtokens").insertOne(new Document("_id", "stories"));
        }

        assertThat(mapNames(dataDir.resolve(StoreFiles.EVENTS_FILE)))
                .contains("databases.newsroom.event_commits#bson", "databases.newsroom.idempotency_keys#bson")
                .doesNotContain(STORIES_MAP, "databases.newsroom.trackingtokens#bson");
        assertThat(mapNames(dataDir.resolve(StoreFiles.READ_MODELS_FILE)))
                .contains(STORIES_MAP, "databases.newsroom.trackingtokens#bson")
                .doesNotContain("databases.newsroom.event_commits#bson", "databases.newsroom.idempotency_keys#bson");
    }

    @Test
    void readModelsThatAnEarlierVersionKeptInTheEventsFileAreMovedWithTheirUniqueIndexes() throws Exception {
        Path dataDir = TestStore.freshDataDir();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> stories = client.getDatabase("newsroom").getCollection("stories");
            stories.createIndex(Indexes.ascending("slug"), new IndexOptions().unique(true));
            for (int i = 0; i < 30; i++) {
                stories.insertOne(new Document("_id", "s" + i).append("slug", "story-" + i));
            }
        }
        // as an earlier version left it: the read model in the events file, none in a file of its own; and a
        // move that a crash interrupted left a partial, outdated copy behind
        Path events = dataDir.resolve(StoreFiles.EVENTS_FILE);
        Path readModels = dataDir.resolve(StoreFiles.READ_MODELS_FILE);
        try (MVStore from = open(readModels); MVStore to = open(events)) {
            for (String name : List.of(STORIES_MAP, "meta.newsroom.stories")) {
                MVMap<Object, Object> source = from.openMap(name, builder(name));
                MVMap<Object, Object> target = to.openMap(name, builder(name));
                source.forEach(target::put);
            }
            MVMap<Object, Object> partial = from.openMap(STORIES_MAP, builder(STORIES_MAP));
            partial.clear();
            partial.put(999L, new de.bwaldvogel.mongo.bson.Document("_id", "stale"));
            to.commit();
            from.commit();
        }

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> stories = client.getDatabase("newsroom").getCollection("stories");
            List<Object> ids = new ArrayList<>();
            stories.find().forEach(story -> ids.add(story.get("_id")));
            assertThat(ids).hasSize(30).doesNotContain("stale");
            assertThat(stories.find(new Document("slug", "story-7")).first()).containsEntry("_id", "s7");
            assertThatThrownBy(() -> stories.insertOne(new Document("_id", "dup").append("slug", "story-7")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        }
        assertThat(mapNames(events)).doesNotContain(STORIES_MAP);
        assertThat(mapNames(readModels)).contains(STORIES_MAP);
        assertThat(Files.size(readModels)).isPositive();
    }

    @Test
    void anAcknowledgedCollectionFoundInTheReadModelsFileIsMovedToTheEventsFile() {
        Path dataDir = TestStore.freshDataDir();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> deliveries = client.getDatabase("newsroom").getCollection("deliveries");
            for (int i = 0; i < 5; i++) {
                deliveries.insertOne(new Document("_id", "d" + i).append("status", "DELIVERED"));
            }
        }
        String map = "databases.newsroom.deliveries#bson";
        Path events = dataDir.resolve(StoreFiles.EVENTS_FILE);
        Path readModels = dataDir.resolve(StoreFiles.READ_MODELS_FILE);
        try (MVStore from = open(events); MVStore to = open(readModels)) {
            from.openMap(map, builder(map)).forEach(to.openMap(map, builder(map))::put);
            from.removeMap(map);
            to.commit();
            from.commit();
        }

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(client.getDatabase("newsroom").getCollection("deliveries").countDocuments()).isEqualTo(5);
        }
        assertThat(mapNames(events)).contains(map);
        assertThat(mapNames(readModels)).doesNotContain(map);
    }

    private static MVStore open(Path file) {
        return new MVStore.Builder().fileName(file.toString()).open();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static MVMap.Builder<Object, Object> builder(String name) {
        return name.endsWith("#bson") ? (MVMap.Builder) new MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>()
                .valueType(BsonDocumentType.INSTANCE) : new MVMap.Builder<>();
    }

    private static List<String> mapNames(Path file) {
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            return new ArrayList<>(store.getMapNames());
        }
    }
}
