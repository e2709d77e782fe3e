package newsroom.api.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import newsroom.api.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

/** The board shows what is done: a story whose placements went out moves from Approved to Published. */
class BoardIT extends ApiIntegrationTest {

    private static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    private JsonNode board(String query) {
        return ok(api.as("victor").get("/api/board" + query)).body();
    }

    private static List<String> column(JsonNode board, String status) {
        return stream(board.path("columns")).filter(c -> c.path("status").asText().equals(status))
                .flatMap(c -> stream(c.path("stories"))).map(s -> s.path("storyId").asText()).toList();
    }

    /** Publishes a placement; answers whether the story has gone out, as the server tells every client. */
    private boolean publish(String storyId, String placementId) {
        return ok(api.as("eddie").post(path(storyId, "placements/" + placementId + "/publish"))).body()
                .path("fullyPublished").asBoolean();
    }

    @Test
    void aStoryMovesToPublishedWhenNoPlacementIsLeftToGoOut() {
        String storyId = approvedStory(uniqueDesk());

        assertThat(publish(storyId, PRESS)).isFalse();
        JsonNode halfway = board("");
        assertThat(column(halfway, "APPROVED")).contains(storyId); // LinkedIn is still to go out
        assertThat(column(halfway, "PUBLISHED")).doesNotContain(storyId);

        assertThat(publish(storyId, LINKEDIN)).isTrue();
        JsonNode done = board("");
        assertThat(column(done, "PUBLISHED")).contains(storyId);
        assertThat(column(done, "APPROVED")).doesNotContain(storyId);
        assertThat(stream(done.path("columns")).map(c -> c.path("status").asText()))
                .containsExactly("PITCHED", "IN_PROGRESS", "IN_REVIEW", "APPROVED", "PUBLISHED");
    }

    @Test
    void aCancelledPlacementDoesNotKeepAStoryFromPublished() {
        String storyId = approvedStory(uniqueDesk());

        publish(storyId, PRESS);
        ok(api.as("eddie").post(path(storyId, "placements/" + LINKEDIN + "/cancel"), Map.of("reason", "wording")));

        assertThat(column(board(""), "PUBLISHED")).contains(storyId);
    }

    @Test
    void aKilledStoryIsNotPublishedEvenWithAPlacementThatWentOut() {
        String storyId = approvedStory(uniqueDesk());
        publish(storyId, PRESS);

        ok(api.as("eddie").post(path(storyId, "kill"), Map.of("reason", "plant incident")));

        JsonNode board = board("");
        assertThat(stream(board.path("columns")).flatMap(c -> stream(c.path("stories"))).map(s -> s.path("storyId").asText()))
                .doesNotContain(storyId);
    }

    @Test
    void thePublishedColumnShowsTheLastTwoWeeksUnlessAskedForMore() {
        String storyId = approvedStory(uniqueDesk());
        publish(storyId, PRESS);
        publish(storyId, LINKEDIN);

        JsonNode recent = board("");
        Instant since = Instant.parse(recent.path("publishedSince").asText());
        assertThat(Duration.between(since, Instant.now())).isBetween(Duration.ofDays(14), Duration.ofDays(14).plusMinutes(5));
        assertThat(column(recent, "PUBLISHED")).contains(storyId);

        Instant later = Instant.now().plus(Duration.ofMinutes(10));
        assertThat(column(board("?publishedSince=" + later), "PUBLISHED")).doesNotContain(storyId);
        assertThat(column(board("?publishedSince=2000-01-01T00:00:00Z"), "PUBLISHED")).contains(storyId);
        assertThat(api.as("victor").get("/api/board?publishedSince=yesterday").status()).isEqualTo(400);
    }
}
