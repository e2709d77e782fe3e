package newsroom.api.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import newsroom.api.ServerProcess;
import newsroom.api.storage.EmbeddedMongoServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The server checks the read models' layouts while it starts, before its port opens: once it answers as ready,
 * the rebuild of a read model stored in an older layout has begun (its old documents are gone), even if it is
 * stopped right then. Checked after the port opened, it answered for a while from the old documents, and a client
 * that waited for every read model to be caught up could be told so before the rebuild began.
 */
class ReadModelLayoutsAtStartIT {

    @Test
    void anOutdatedReadModelIsRebuiltBeforeTheServerTakesRequests() throws Exception {
        Path dataDir = Files.createTempDirectory("newsroom-layouts-at-start").resolve("data");
        startUntilReady(dataDir); // a store with the first start's events (people, channels, policies)
        try (EmbeddedMongoServer store = EmbeddedMongoServer.start(dataDir);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoDatabase database = client.getDatabase("newsroom");
            database.getCollection("read_model_layouts").replaceOne(Filters.eq("_id", "calendar"),
                    new Document("_id", "calendar").append("layout", 1), new ReplaceOptions().upsert(true));
            database.getCollection("calendar_days").insertOne(new Document("_id", "1999-12-31")
                    .append("entries", List.of(new Document("entryId", "old:layout"))));
        }

        startUntilReady(dataDir);

        try (EmbeddedMongoServer store = EmbeddedMongoServer.start(dataDir);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoDatabase database = client.getDatabase("newsroom");
            assertThat(database.getCollection("read_model_layouts").find(Filters.eq("_id", "calendar")).first()
                    .getInteger("layout")).isEqualTo(ReadModelLayouts.LAYOUTS.get("calendar"));
            assertThat(database.getCollection("calendar_days").find(Filters.eq("_id", "1999-12-31")).first()).isNull();
        }
    }

    /** Starts the server as the start command does, and stops it as soon as it answers as ready. */
    private static void startUntilReady(Path dataDir) {
        try (ServerProcess server = ServerProcess.start(dataDir)) {
            server.awaitReady(Duration.ofMinutes(3));
            server.stop();
        }
    }
}
