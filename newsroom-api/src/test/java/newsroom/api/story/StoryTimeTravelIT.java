package newsroom.api.story;

import static newsroom.api.ProblemAssert.assertFieldError;
import static newsroom.api.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import newsroom.api.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

/** A story as it stood at an instant ({@code asOf=}), replayed from the event store. */
class StoryTimeTravelIT extends ApiIntegrationTest {

    @Test
    void aStoryIsShownAsItStoodAtAnInstant() {
        String desk = uniqueDesk();
        String storyId = plannedStory(desk);
        Map<String, Object> edited = content("Apprentices built the robot cell", desk);
        ok(api.as("carla").put(path(storyId, "draft"), edited));
        JsonNode history = history(storyId);
        Instant pitched = Instant.parse(history.get(0).path("at").asText());
        Instant planned = Instant.parse(history.get(history.size() - 2).path("at").asText());

        JsonNode atPitch = ok(api.as("victor").get("/api/stories/" + storyId + "?asOf=" + pitched)).body();
        assertThat(atPitch.path("status").asText()).isEqualTo("PITCHED");
        assertThat(atPitch.path("version").asLong()).isEqualTo(0);
        assertThat(atPitch.path("placements")).isEmpty();
        assertThat(atPitch.has("allowedActions")).isFalse();

        JsonNode atPlanning = ok(api.as("victor").get("/api/stories/" + storyId + "?asOf=" + planned)).body();
        assertThat(atPlanning.path("title").asText()).isEqualTo("Apprentices build the robot cell");
        assertThat(atPlanning.path("placements")).hasSize(2);

        JsonNode now = story(storyId);
        JsonNode asOfNow = ok(api.as("victor").get("/api/stories/" + storyId + "?asOf=" + Instant.now())).body();
        assertThat(asOfNow.path("title").asText()).isEqualTo("Apprentices built the robot cell");
        assertThat(asOfNow.path("version").asLong()).isEqualTo(now.path("version").asLong());
        now.path("placements").forEach(placement -> ((ObjectNode) placement).remove("allowedActions"));
        assertThat(asOfNow.path("placements")).isEqualTo(now.path("placements"));
    }

    @Test
    void beforeItsPitchAStoryIsNotFoundAndAnInstantNeedsAnOffset() {
        String storyId = pitch("carla", content("Not yet pitched", uniqueDesk()));
        Instant pitched = Instant.parse(history(storyId).get(0).path("at").asText());
        assertProblem(api.as("victor").get("/api/stories/" + storyId + "?asOf=" + pitched.minusMillis(1)), 404);
        assertFieldError(api.as("victor").get("/api/stories/" + storyId + "?asOf=2027-03-04T09:00"), "asOf",
                "InvalidFormat");
    }
}
