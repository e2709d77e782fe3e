package newsroom.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import newsroom.api.ApiClient;
import newsroom.api.ApiClient.Response;
import newsroom.api.StandaloneServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stops the server and starts it again on the same store: every story, its history, the read model and the
 * people survive, and the demo people are not registered again. On the embedded store that is its file in the data directory; with
 * {@code NEWSROOM_TEST_MONGODB_URI} both runs use the same (fresh) database.
 */
class RestartPersistenceIT {

    private final Map<String, Object> store = StandaloneServer.freshStore();

    @AfterEach
    void removeStore() {
        StandaloneServer.remove(store);
    }

    @Test
    void storiesAndTheirHistorySurviveARestart() {
        String storyId;
        JsonNode storyBefore;
        JsonNode historyBefore;
        JsonNode accountsBefore;

        try (ConfigurableApplicationContext first = start(store)) {
            ApiClient api = new ApiClient(StandaloneServer.port(first));
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
            accountsBefore = ok(api.as("otto").get("/api/admin/users")).body();
            assertThat(accountsBefore.findValuesAsText("username")).containsExactly("ada", "admin", "carla", "eddie",
                    "grace", "lena", "leo", "nora", "otto", "victor");
        }
        if (store.containsKey("newsroom.mongodb.data-dir")) {
            Path file = Path.of((String) store.get("newsroom.mongodb.data-dir")).resolve("newsroom.mv");
            assertThat(file).isNotEmptyFile();
        }

        try (ConfigurableApplicationContext second = start(store)) {
            ApiClient api = new ApiClient(StandaloneServer.port(second));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(ok(api.as("victor").get("/api/stories/" + storyId)).body()).isEqualTo(storyBefore));
            assertThat(storyBefore.path("status").asText()).isEqualTo("APPROVED");
            // pitched, accepted, planned, submitted + policies applied, approved (granted, attested, approved)
            assertThat(storyBefore.path("version").asLong()).isEqualTo(7);
            JsonNode historyAfter = ok(api.as("victor").get("/api/stories/" + storyId + "/history")).body();
            assertThat(historyAfter).isEqualTo(historyBefore);
            assertThat(historyAfter).hasSize(8);
            // the demo people are registered once: a restart adds no account and changes none
            assertThat(ok(api.as("otto").get("/api/admin/users")).body()).isEqualTo(accountsBefore);

            // the restarted server goes on from the stored state
            Response published = ok(api.as("eddie").post("/api/stories/" + storyId + "/placements/li/publish"));
            assertThat(published.body().path("version").asLong()).isEqualTo(8);
            assertThat(published.body().path("placements").get(0).path("status").asText()).isEqualTo("PUBLISHED");
        }
    }

    /**
     * The embedded store's read models' file holds nothing that is not derived from the events: without it the next
     * start rebuilds the read models from the first event, the crisis handler included, and changes nothing (a
     * crisis that ended before the story was planned pauses nothing now). Deliveries: {@code DeliveryRebuildIT}.
     */
    @Test
    void withoutItsReadModelsFileTheStoreRebuildsThemAndActsOnNothingAgain() throws Exception {
        assumeTrue(store.containsKey("newsroom.mongodb.data-dir"), "the embedded store only");
        String storyId;
        JsonNode storyBefore;
        try (ConfigurableApplicationContext first = start(store)) {
            ApiClient api = new ApiClient(StandaloneServer.port(first));
            assertThat(api.as("grace").post("/api/crisis", Map.of("reason", "plant incident")).status()).isEqualTo(201);
            ok(api.as("grace").post("/api/crisis/end", Map.of("reason", "contained")));
            Response pitched = api.as("carla").post("/api/stories", Map.of("title", "Apprentices build the robot cell",
                    "desk", "HR", "audience", "B2C"));
            storyId = pitched.body().path("storyId").asText();
            ok(api.as("eddie").post("/api/stories/" + storyId + "/accept", Map.of("assignee", "carla")));
            ok(api.as("eddie").post("/api/stories/" + storyId + "/placements", Map.of("placementId", "li",
                    "channelId", "linkedin", "slot", "2027-03-04T11:00:00Z", "text", "Meet the apprentices")));
            ok(api.as("carla").post("/api/stories/" + storyId + "/submit"));
            ok(api.as("grace").post("/api/stories/" + storyId + "/approvals", Map.of()));
            storyBefore = ok(api.as("victor").get("/api/stories/" + storyId)).body();
            assertThat(storyBefore.path("status").asText()).isEqualTo("APPROVED");
        }
        Path dataDir = Path.of((String) store.get("newsroom.mongodb.data-dir"));
        Files.delete(dataDir.resolve("newsroom-read-models.mv"));

        try (ConfigurableApplicationContext second = start(store)) {
            ApiClient api = new ApiClient(StandaloneServer.port(second));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode projections = ok(api.as("ada").get("/api/admin/projections")).body().path("projections");
                assertThat(projections).isNotEmpty().allSatisfy(projection ->
                        assertThat(projection.path("caughtUp").asBoolean()).as("%s", projection).isTrue());
            });
            JsonNode storyAfter = ok(api.as("victor").get("/api/stories/" + storyId)).body();
            assertThat(storyAfter).isEqualTo(storyBefore);
            assertThat(storyAfter.path("placements").get(0).path("pausedByCrisis").isMissingNode()
                    || storyAfter.path("placements").get(0).path("pausedByCrisis").isNull()).isTrue();
        }
    }

    private static ConfigurableApplicationContext start(Map<String, Object> properties) {
        return StandaloneServer.start(properties, "demo");
    }

    private static Response ok(Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response;
    }
}
