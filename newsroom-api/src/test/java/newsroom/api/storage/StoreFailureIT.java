package newsroom.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import newsroom.api.ApiClient;
import newsroom.api.ApiClient.Response;
import newsroom.api.ServerProcess;
import newsroom.api.TestStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * What happens when the embedded store's file cannot be used: a damaged file stops the start with a message
 * that says what to do; a disk that refuses writes (here: a file size limit, {@code ulimit -f}, which fails
 * writes the way a full disk does) turns commands into 503 problems and health into DOWN, and loses nothing
 * that was acknowledged before. Runs the packaged server as a separate process.
 */
class StoreFailureIT {

    private static final Duration START = Duration.ofMinutes(2);

    @Test
    void aDamagedStoreFileStopsTheStartAndSaysWhatToDo() throws Exception {
        Path dataDir = Files.createDirectories(TestStore.freshDataDir().resolve("data"));
        Path file = dataDir.resolve(EmbeddedMongoServer.FILE_NAME);
        byte[] garbage = new byte[64 * 1024];
        new Random(7).nextBytes(garbage);
        Files.write(file, garbage);

        try (ServerProcess server = ServerProcess.start(dataDir)) {
            assertThat(server.awaitExit(START)).isNotZero();
            assertThat(server.output())
                    .contains("The store file " + file.toAbsolutePath() + " is damaged")
                    .contains("Restore it from your latest backup, or move it aside")
                    .doesNotContain("EOFException")
                    .doesNotContain("\tat ");
        }
        assertThat(Files.readAllBytes(file)).as("the damaged file is left as it was").isEqualTo(garbage);
    }

    @Test
    void aStoreFileInUseOrUnreadableIsNamedWithWhatIsWrong() throws Exception {
        Path dataDir = TestStore.freshDataDir();
        try (EmbeddedMongoServer first = EmbeddedMongoServer.start(dataDir)) {
            assertThatThrownBy(() -> EmbeddedMongoServer.start(dataDir)).isInstanceOf(StoreFileUnusable.class)
                    .hasMessageContaining(first.file().toString()).hasMessageContaining("in use by another process")
                    .extracting(e -> ((StoreFileUnusable) e).problem()).isEqualTo(StoreFileUnusable.Problem.IN_USE);
        }

        Path damaged = TestStore.freshDataDir();
        Files.write(damaged.resolve(EmbeddedMongoServer.FILE_NAME), "not a store file at all".repeat(500).getBytes());
        assertThatThrownBy(() -> EmbeddedMongoServer.start(damaged)).isInstanceOf(StoreFileUnusable.class)
                .extracting(e -> ((StoreFileUnusable) e).problem()).isEqualTo(StoreFileUnusable.Problem.DAMAGED);

        // the read models' file holds nothing that is not in the events: moving it aside is the advice, and works
        Path readModelsDamaged = TestStore.freshDataDir();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(readModelsDamaged);
             MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("newsroom").getCollection(MongoEventStorageEngine.COLLECTION)
                    .insertOne(new Document("_id", 1L));
            server.flush();
        }
        Path readModels = readModelsDamaged.resolve(StoreFiles.READ_MODELS_FILE);
        Files.write(readModels, "not a store file at all".repeat(500).getBytes());
        assertThatThrownBy(() -> EmbeddedMongoServer.start(readModelsDamaged)).isInstanceOf(StoreFileUnusable.class)
                .hasMessageContaining(readModels.toString()).hasMessageContaining("is damaged")
                .extracting(e -> ((StoreFileUnusable) e).action())
                .asString().contains("rebuilds the read models from the events");
        Files.move(readModels, readModelsDamaged.resolve(StoreFiles.READ_MODELS_FILE + ".damaged"));
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(readModelsDamaged);
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(client.getDatabase("newsroom").getCollection(MongoEventStorageEngine.COLLECTION)
                    .countDocuments()).isOne();
        }
    }

    @Test
    void aThreadInterruptedWhileItWritesTheFileDoesNotCloseTheStore() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(TestStore.freshDataDir());
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> collection = client.getDatabase("newsroom").getCollection("notes");
            collection.insertOne(new Document("_id", 1));
            Thread.currentThread().interrupt(); // e.g. a request or a projection thread being stopped
            try {
                server.durability().awaitDurable(); // this thread writes the file
            } finally {
                Thread.interrupted();
            }
            collection.insertOne(new Document("_id", 2));
            server.durability().awaitDurable();

            assertThat(server.failure()).isEmpty();
            assertThat(collection.countDocuments()).isEqualTo(2);
        }
    }

    @Test
    void aDiskThatRefusesWritesMeans503AndHealthDownAndNothingAcknowledgedIsLost() throws Exception {
        Path dataDir = Files.createDirectories(TestStore.freshDataDir().resolve("data"));
        List<String> acknowledged = new ArrayList<>();
        Response refused = null;
        // /bin/sh counts the limit in blocks of 512 bytes: 6 MB, room for the empty store and a few stories
        try (ServerProcess server = ServerProcess.startLimited(dataDir, "ulimit -f 12288")) {
            server.awaitReady(START);
            ApiClient api = new ApiClient(server.baseUrl());
            Random random = new Random(11);
            for (int i = 0; i < 300 && refused == null; i++) {
                Response pitched = api.as("carla").post("/api/stories", Map.of("title", "Story " + i, "desk", "HR",
                        "body", randomText(random, 90_000)));
                if (pitched.status() == 201) {
                    acknowledged.add(pitched.body().path("storyId").asText());
                } else {
                    refused = pitched;
                }
            }

            assertThat(refused).as("a command refused once the file cannot grow").isNotNull();
            assertThat(refused.status()).as("%s", refused).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().path("type").asText()).isEqualTo("/problems/store-unavailable");
            assertThat(refused.header("Retry-After")).isEqualTo("10");
            assertThat(acknowledged).isNotEmpty();

            Response health = api.anonymous().get("/actuator/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body().path("status").asText()).isEqualTo("DOWN");
            Response another = api.as("eddie").post("/api/stories", Map.of("title", "One more", "desk", "HR"));
            assertThat(another.status()).as("%s", another).isEqualTo(503);
            Response read = api.as("victor").get("/api/stories/" + acknowledged.get(0));
            assertThat(read.status()).as("reads are not served from what could not be saved: %s", read).isEqualTo(503);
            assertThat(server.output()).contains("refused a write").doesNotContain("incident");
            server.kill();
        }

        try (ServerProcess restarted = ServerProcess.start(dataDir)) {
            restarted.awaitReady(START);
            ApiClient api = new ApiClient(restarted.baseUrl());
            for (String storyId : acknowledged) {
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                        assertThat(api.as("victor").get("/api/stories/" + storyId).status()).isEqualTo(200));
            }
            assertThat(api.as("victor").get("/api/stories/" + acknowledged.get(0) + "/history").body()).hasSize(1);
        }
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }
}
