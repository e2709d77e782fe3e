package newsroom.api.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import newsroom.api.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

/** A projection rebuilt from the event store, while the server serves, equals the live one. */
class ProjectionRebuildIT extends ApiIntegrationTest {

    private static final String RANGE = "/api/calendar?from=2027-02-28T00:00:00Z&to=2027-04-28T00:00:00Z";

    @Test
    void aRebuiltCalendarEqualsTheLiveOneAfterAMixedWorkload() {
        String approved = approvedStory(uniqueDesk());
        ok(api.as("eddie").post(path(approved, "placements/" + PRESS + "/publish")));
        ok(api.as("eddie").post(path(approved, "placements/" + LINKEDIN + "/reschedule"),
                Map.of("slot", "2027-03-20T12:00:00Z")));
        String cancelled = plannedStory(uniqueDesk());
        ok(api.as("eddie").post(path(cancelled, "placements/" + PRESS + "/cancel"), Map.of("reason", "not needed")));
        String killed = plannedStory(uniqueDesk());
        ok(api.as("eddie").post(path(killed, "kill"), Map.of("reason", "crisis")));
        String edited = inReviewStory(uniqueDesk());
        Map<String, Object> content = content("Edited title", "desk-edited");
        ok(api.as("carla").put(path(edited, "draft"), content));

        JsonNode live = withoutPosition(ok(api.as("victor").get(RANGE)).body());
        JsonNode liveStory = story(edited);
        assertThat(live.path("entries").size()).isGreaterThanOrEqualTo(8);

        assertThat(api.as("eddie").post("/api/admin/projections/calendar/rebuild").status()).isEqualTo(403);
        assertThat(api.as("ada").post("/api/admin/projections/calendar/rebuild").status()).isEqualTo(202);
        assertThat(api.as("ada").post("/api/admin/projections/stories/rebuild").status()).isEqualTo(202);

        long headBefore = ok(api.as("ada").get("/api/admin/projections")).body().path("head").asLong();
        // finished without any new command: replaying turns false once the rebuild is back at the head
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode status = ok(api.as("ada").get("/api/admin/projections")).body();
            long head = status.path("head").asLong();
            for (JsonNode projection : status.path("projections")) {
                if (Map.of("calendar", 1, "stories", 1).containsKey(projection.path("name").asText())) {
                    assertThat(projection.path("position").asLong()).isEqualTo(head);
                    assertThat(projection.path("lag").asLong()).isZero();
                    assertThat(projection.path("caughtUp").asBoolean()).isTrue();
                    assertThat(projection.path("replaying").asBoolean()).isFalse();
                }
            }
        });
        assertThat(ok(api.as("ada").get("/api/admin/projections")).body().path("head").asLong()).isEqualTo(headBefore);
        assertThat(withoutPosition(ok(api.as("victor").get(RANGE)).body())).isEqualTo(live);
        assertThat(story(edited)).isEqualTo(liveStory);
        assertThat(api.as("ada").post("/api/admin/projections/nonsense/rebuild").status()).isEqualTo(404);
    }

    private static JsonNode withoutPosition(JsonNode calendar) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) calendar).remove("position");
        return calendar;
    }
}
