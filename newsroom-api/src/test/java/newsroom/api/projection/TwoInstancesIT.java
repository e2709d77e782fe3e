package newsroom.api.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import newsroom.api.ApiClient;
import newsroom.api.ApiIntegrationTest;
import newsroom.api.NewsroomApplication;
import newsroom.api.TestStore;
import newsroom.api.storage.EmbeddedMongoServer;
import newsroom.api.storage.MongoStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.lang.Nullable;

/**
 * Two server instances on one MongoDB: the test's server holds every processor's segment, a second one
 * started beside it holds none. Commands sent to the second one still answer with their own writes (its
 * waits find them by reading the read models again), and it reports positions and catch-up from the
 * tokens the first one stores.
 */
class TwoInstancesIT extends ApiIntegrationTest {

    @Autowired
    private MongoStore store;

    @Autowired(required = false)
    @Nullable
    private EmbeddedMongoServer embedded;

    @Autowired
    private ProjectionPositions positions;

    @Test
    void anInstanceThatRunsNoProcessorStillAnswersWithItsOwnWrites() {
        assertThat(positions.runsHere("stories")).isTrue();
        String uri = embedded != null ? embedded.connectionString()
                : TestStore.withDatabase(TestStore.externalUri().orElseThrow(), store.database().getName());
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(NewsroomApplication.class)
                .profiles("demo")
                .run("--server.port=0", "--server.address=127.0.0.1", "--newsroom.mongodb.uri=" + uri,
                        "--newsroom.mongodb.database=" + store.database().getName(), "--logging.level.root=WARN")) {
            ApiClient other = new ApiClient(((WebServerApplicationContext) second).getWebServer().getPort());
            assertThat(second.getBean(ProjectionPositions.class).runsHere("stories")).isFalse();
            long before = ok(other.as("ada").get("/api/admin/projections")).body().path("head").asLong();

            JsonNode pitched = other.as("carla").post("/api/stories", content("Pitched on the second instance",
                    uniqueDesk())).body();
            String storyId = pitched.path("storyId").asText();
            assertThat(pitched.path("title").asText()).isEqualTo("Pitched on the second instance");
            JsonNode accepted = ok(other.as("eddie").post(path(storyId, "accept"), Map.of("assignee", "carla"))).body();
            assertThat(accepted.path("status").asText()).isEqualTo("IN_PROGRESS");
            assertThat(accepted.path("assignee").asText()).isEqualTo("carla");
            JsonNode planned = ok(other.as("eddie").post(path(storyId, "placements"),
                    placement(PRESS, "press-release", PRESS_SLOT, "PRESS RELEASE: two instances"))).body();
            assertThat(planned.path("placements").get(0).path("placementId").asText()).isEqualTo(PRESS);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (JsonNode projection : ok(other.as("ada").get("/api/admin/projections")).body()
                        .path("projections")) {
                    assertThat(projection.path("position").asLong()).as("%s", projection).isGreaterThan(before);
                }
            });
            JsonNode caughtUp = ok(other.as("victor").get("/api/live/updates?after=" + before)).body();
            assertThat(caughtUp.path("updates").findValuesAsText("type"))
                    .contains("StoryPitched", "PitchAccepted", "PlacementPlanned");
        }
    }
}
