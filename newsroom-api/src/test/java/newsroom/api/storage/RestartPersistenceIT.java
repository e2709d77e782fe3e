package newsroom.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import newsroom.api.ApiClient;
import newsroom.api.ApiClient.Response;
import newsroom.api.NewsroomApplication;
import newsroom.api.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stops the server and starts it again on the same store: every story, its history and the read model
 * survive. On the embedded store that is its file in the data directory; with
 * {@code NEWSROOM_TEST_MONGODB_URI} both runs use the same (fresh) database.
 */
class RestartPersistenceIT {

    private final Map<String, Object> store = storeProperties();

    @AfterEach
    void removeStore() throws IOException {
        if (store.containsKey("newsroom.mongodb.data-dir")) {
            try (Stream<Path> files = Files.walk(Path.of((String) store.get("newsroom.mongodb.data-dir")))) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        } else {
            try (MongoClient client = MongoClients.create((String) store.get("newsroom.mongodb.uri"))) {
                client.getDatabase((String) store.get("newsroom.mongodb.database")).drop();
            }
        }
    }

    @Test
    void storiesAndTheirHistorySurviveARestart() {
        String storyId;
        JsonNode storyBefore;
        JsonNode historyBefore;

        try (ConfigurableApplicationContext first = start(store)) {
            ApiClient api = new ApiClient(port(first));
            Response pitched = api.as("carla").post("/api/stories", Map.of("title", "Apprentices build the robot cell",
                    "desk", "HR", "audience", "B2C"));
            assertThat(pitched.status()).as("%s", pitched).isEqualTo(201);
            storyId = pitched.body().path("storyId").asText();
            ok(api.as("eddie").post("/api/stories/" + storyId + "/accept", Map.of("assignee", "carla")));
            ok(api.as("eddie").post("/api/stories/" + storyId + "/placements", Map.of("placementId", "li",
                    "channelId", "linkedin", "slot", "2027-03-04T11:00:00Z", "text", "Meet the apprentices")));
            ok(api.as("carla").post("/api/stories/" + storyId + "/submit"));
            Response approved = ok(api.as("grace").post("/api/stories/" + storyId + "/approvals", Map.of()));
            assertThat(approved.body().path("status").asText()).isEqualTo("APPROVED");
            storyBefore = ok(api.as("victor").get("/api/stories/" + storyId)).body();
            historyBefore = ok(api.as("victor").get("/api/stories/" + storyId + "/history")).body();
        }
        if (store.containsKey("newsroom.mongodb.data-dir")) {
            Path file = Path.of((String) store.get("newsroom.mongodb.data-dir")).resolve("newsroom.mv");
            assertThat(file).isNotEmptyFile();
        }

        try (ConfigurableApplicationContext second = start(store)) {
            ApiClient api = new ApiClient(port(second));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(ok(api.as("victor").get("/api/stories/" + storyId)).body()).isEqualTo(storyBefore));
            assertThat(storyBefore.path("status").asText()).isEqualTo("APPROVED");
            assertThat(storyBefore.path("version").asLong()).isEqualTo(5);
            JsonNode historyAfter = ok(api.as("victor").get("/api/stories/" + storyId + "/history")).body();
            assertThat(historyAfter).isEqualTo(historyBefore);
            assertThat(historyAfter).hasSize(6);

            // the restarted server goes on from the stored state
            Response published = ok(api.as("eddie").post("/api/stories/" + storyId + "/placements/li/publish"));
            assertThat(published.body().path("version").asLong()).isEqualTo(6);
            assertThat(published.body().path("placements").get(0).path("status").asText()).isEqualTo("PUBLISHED");
        }
    }

    private static Map<String, Object> storeProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        String database = TestStore.uniqueDatabaseName();
        TestStore.externalUri().ifPresentOrElse(uri -> {
            properties.put("newsroom.mongodb.uri", TestStore.withDatabase(uri, database));
            properties.put("newsroom.mongodb.database", database);
        }, () -> {
            properties.put("newsroom.mongodb.uri", "");
            properties.put("newsroom.mongodb.data-dir", TestStore.freshDataDir().toString());
        });
        return properties;
    }

    /**
     * Starts the application with the properties as command-line arguments: builder properties are only
     * defaults, which application.yml would override.
     */
    private static ConfigurableApplicationContext start(Map<String, Object> properties) {
        String[] args = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(NewsroomApplication.class).profiles("demo").run(args);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }

    private static Response ok(Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response;
    }
}
