package newsroom.api.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import newsroom.api.ApiClient;
import newsroom.api.ApiIntegrationTest;
import newsroom.api.push.StompTestClient;
import newsroom.api.push.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A placement whose slot is a few seconds ahead goes out by itself, and the dashboards hear of it. */
class ScheduledPublicationIT extends ApiIntegrationTest {

    @LocalServerPort
    private int port;

    private static boolean isPublicationOf(JsonNode push, String storyId) {
        return push.path("storyId").asText().equals(storyId) && push.path("type").asText().equals("PlacementPublished");
    }

    @Test
    void anApprovedPlacementIsPublishedAtItsSlotByTheSchedulerAndPushedToDashboards() throws Exception {
        // the board is watched from before the story exists: on a loaded machine the setup may take longer
        // than the slot is ahead, and the push must not be missed
        Instant slot;
        String storyId;
        try (StompTestClient dashboard = StompTestClient.connect(port, "victor", ApiClient.DEMO_PASSWORD)) {
            List<JsonNode> pushes = dashboard.subscribe(Topics.BOARD);
            slot = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
            storyId = new PublishingFlows(api).approvedStory("instagram", slot);

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(pushes)
                    .anyMatch(push -> isPublicationOf(push, storyId)));
            JsonNode pushed = pushes.stream().filter(push -> isPublicationOf(push, storyId)).findFirst().orElseThrow();
            assertThat(pushed.path("by").asText()).isEqualTo("system:scheduler");
        }
        JsonNode placement = story(storyId).path("placements").get(0);
        assertThat(placement.path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(placement.path("publishedBy").asText()).isEqualTo("system:scheduler");
        assertThat(Instant.parse(placement.path("publishedAt").asText())).isAfterOrEqualTo(slot);
        assertThat(placement.path("missedSlot").isMissingNode() || placement.path("missedSlot").isNull()).isTrue();
        JsonNode published = history(storyId).findParents("type").stream()
                .filter(entry -> entry.path("type").asText().equals("PlacementPublished")).findFirst().orElseThrow();
        assertThat(published.path("by").asText()).isEqualTo("system:scheduler");
        // nothing was delivered: the channel has no connector in this store
        assertThat(placement.path("delivery").asText()).isEqualTo("NONE");
    }

    @Test
    void aPlacementTheRulesRefuseAtItsSlotIsHeldWithTheRuleAndGoesOutOnceApproved() {
        Instant slot = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
        String storyId = pitch("carla", content("Held until approved", uniqueDesk()));
        ok(api.as("eddie").post(path(storyId, "accept"), Map.of("assignee", "carla")));
        ok(api.as("eddie").post(path(storyId, "placements"), placement("p1", "facebook", slot, "Soon")));

        await().atMost(Duration.ofSeconds(60)).until(() ->
                story(storyId).path("placements").get(0).path("heldFor").asText().equals("RequiredApprovalsMissing"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                ok(api.as("eddie").get("/api/notifications")).body().findValuesAsText("kind")).contains("PUBLICATION_HELD"));

        ok(api.as("carla").post(path(storyId, "submit")));
        ok(api.as("grace").post(path(storyId, "approvals"), Map.of("step", "communications")));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                story(storyId).path("placements").get(0).path("status").asText().equals("PUBLISHED"));
        assertThat(story(storyId).path("placements").get(0).path("publishedBy").asText()).isEqualTo("system:scheduler");
        // refused again only after the story changed (submitting it re-applies the policies, which lifts the hold,
        // and the clock may ask once more before the approval is in): a refusal never loops
        List<String> types = history(storyId).findValuesAsText("type");
        assertThat(types).contains("PlacementPublicationHeld");
        for (int i = 1; i < types.size(); i++) {
            assertThat(types.get(i).equals("PlacementPublicationHeld") && types.get(i - 1).equals("PlacementPublicationHeld"))
                    .as("two holds in a row in %s", types).isFalse();
        }
    }

    @Test
    void aPlacementCrisisModePausedIsRefusedToTheSchedulerTooAndGoesOutAtTheNewSlotItIsGiven() {
        Instant slot = Instant.now().plusSeconds(20).truncatedTo(ChronoUnit.SECONDS);
        String storyId = new PublishingFlows(api).approvedStory("instagram", slot);
        try {
            assertThat(api.as("grace").post("/api/crisis", Map.of("reason", "plant incident")).status()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(15)).until(() -> placement(storyId).path("paused").asBoolean());
        } finally {
            // the store is shared by every IT: never leave the newsroom in crisis
            ok(api.as("grace").post("/api/crisis/end", Map.of("reason", "contained")));
        }
        // the crisis is over but nobody decided: at its slot the scheduler is refused like everybody else
        await().atMost(Duration.ofSeconds(60)).until(() -> placement(storyId).path("heldFor").asText()
                .equals("PlacementPaused"));
        assertThat(placement(storyId).path("status").asText()).isEqualTo("PLANNED");

        Instant newSlot = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
        ok(api.as("eddie").post(path(storyId, "placements/p1/reschedule"), Map.of("slot", newSlot.toString())));
        await().atMost(Duration.ofSeconds(60)).until(() -> placement(storyId).path("status").asText()
                .equals("PUBLISHED"));
        assertThat(placement(storyId).path("publishedBy").asText()).isEqualTo("system:scheduler");
        assertThat(Instant.parse(placement(storyId).path("publishedAt").asText())).isAfterOrEqualTo(newSlot);
    }

    private JsonNode placement(String storyId) {
        return story(storyId).path("placements").get(0);
    }
}
