package newsroom.api.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import newsroom.api.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

/** Notification inboxes depend on the event stream alone: rebuilt, they are what people got at the time. */
class NotificationIT extends ApiIntegrationTest {

    @Test
    void aRebuildKeepsTheTitleAtTheTimeAndNotifiesNobodyWhoWasNotConcernedThen() {
        String storyId = pitch("carla", content("Title when sent back", uniqueDesk()));
        ok(api.as("eddie").post(path(storyId, "accept"), Map.of()));
        ok(api.as("carla").post(path(storyId, "submit")));
        ok(api.as("grace").post(path(storyId, "change-requests"), Map.of("comment", "Needs a quote")));
        // assigned only after it was sent back, then retitled
        ok(api.as("eddie").post(path(storyId, "assign"), Map.of("assignee", "lena")));
        ok(api.as("carla").put(path(storyId, "draft"), content("Title after the rework", uniqueDesk())));

        List<JsonNode> carlaLive = notesAbout(storyId, "carla", 1);
        List<JsonNode> lenaLive = notesAbout(storyId, "lena", 2);
        assertThat(carlaLive).extracting(n -> n.path("kind").asText()).containsExactly("SENT_BACK");
        assertThat(carlaLive.get(0).path("storyTitle").asText()).isEqualTo("Title when sent back");
        assertThat(lenaLive).extracting(n -> n.path("kind").asText())
                .containsExactlyInAnyOrder("ASSIGNED", "APPROVAL_REQUESTED");

        rebuildNotifications();

        assertThat(notesAbout(storyId, "carla", 1)).isEqualTo(carlaLive);
        assertThat(notesAbout(storyId, "lena", 2)).isEqualTo(lenaLive); // still no "sent back" for lena
    }

    @Test
    void anApprovalRequestIsAddressedToTheGovernanceLeadsAndReadByEachOfThem() {
        String storyId = inReviewStory(uniqueDesk());

        for (String lead : List.of("grace", "lena")) {
            JsonNode request = notesAbout(storyId, lead, 1).get(0);
            assertThat(request.path("kind").asText()).isEqualTo("APPROVAL_REQUESTED");
            assertThat(request.path("addressedTo").asText()).isEqualTo("role:GOVERNANCE_LEAD");
            assertThat(request.path("by").asText()).isEqualTo("carla");
            assertThat(request.path("text").asText()).contains("communications", "legal");
        }
        // addressed to a role the readers do not hold: nobody else sees it
        assertThat(notesAbout(storyId, "eddie", 0)).isEmpty();
        assertThat(notesAbout(storyId, "victor", 0)).isEmpty();
        // carla sees only her own inbox: assigned to her, not her own request
        assertThat(notesAbout(storyId, "carla", 1)).extracting(n -> n.path("kind").asText()).containsExactly("ASSIGNED");
    }

    private List<JsonNode> notesAbout(String storyId, String user, int expected) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> {
            JsonNode inbox = ok(api.as(user).get("/api/notifications")).body();
            List<JsonNode> about = new java.util.ArrayList<>();
            inbox.forEach(note -> {
                if (note.path("storyId").asText().equals(storyId)) {
                    about.add(note);
                }
            });
            return about;
        }, about -> about.size() == expected);
    }

    private void rebuildNotifications() {
        assertThat(api.as("ada").post("/api/admin/projections/notifications/rebuild").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode status = ok(api.as("ada").get("/api/admin/projections")).body();
            JsonNode notifications = null;
            for (JsonNode projection : status.path("projections")) {
                if (projection.path("name").asText().equals("notifications")) {
                    notifications = projection;
                }
            }
            assertThat(notifications).isNotNull();
            assertThat(notifications.path("caughtUp").asBoolean()).isTrue();
            assertThat(notifications.path("replaying").asBoolean()).isFalse();
        });
    }
}
