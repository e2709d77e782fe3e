package newsroom.api.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import newsroom.api.ApiClient;
import newsroom.api.ApiIntegrationTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Live updates over real STOMP connections: who receives what, and catching up after a drop. */
class LiveUpdatesIT extends ApiIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Autowired
    EventProcessingConfiguration processing;

    private StompTestClient connect(String user) throws Exception {
        return StompTestClient.connect(port, user, ApiClient.DEMO_PASSWORD);
    }

    private static List<String> storyIds(List<JsonNode> updates) {
        return updates.stream().map(update -> update.path("storyId").asText()).toList();
    }

    @Test
    void aCommandOnOneConnectionReachesEverySubscriberWithItsPosition() throws Exception {
        try (StompTestClient viewer = connect("victor"); StompTestClient lead = connect("grace")) {
            List<JsonNode> viewerBoard = viewer.subscribe(Topics.BOARD);
            List<JsonNode> leadBoard = lead.subscribe(Topics.BOARD);
            Thread.sleep(200); // subscriptions are registered asynchronously

            String storyId = pitch("carla", content("Live pitch", uniqueDesk()));

            await().atMost(WAIT).until(() -> storyIds(viewerBoard).contains(storyId) && storyIds(leadBoard).contains(storyId));
            JsonNode update = viewerBoard.stream().filter(u -> u.path("storyId").asText().equals(storyId)).findFirst()
                    .orElseThrow();
            assertThat(update.path("type").asText()).isEqualTo("StoryPitched");
            assertThat(update.path("by").asText()).isEqualTo("carla");
            assertThat(update.path("position").asLong()).isGreaterThanOrEqualTo(0);
            assertThat(update.path("story").path("title").asText()).isEqualTo("Live pitch");
        }
    }

    @Test
    void aStoryTopicCarriesOnlyThatStorysChangesInOrder() throws Exception {
        String storyId = pitch("carla", content("Story topic", uniqueDesk()));
        String otherId = pitch("carla", content("Other story", uniqueDesk()));
        try (StompTestClient viewer = connect("victor")) {
            List<JsonNode> updates = viewer.subscribe(Topics.story(storyId));
            Thread.sleep(200);
            ok(api.as("eddie").post(path(otherId, "accept"), Map.of()));
            ok(api.as("eddie").post(path(storyId, "accept"), Map.of("assignee", "carla")));
            ok(api.as("eddie").post(path(storyId, "placements"),
                    placement("li", "linkedin", LINKEDIN_SLOT, "LinkedIn text")));

            await().atMost(WAIT).until(() -> updates.size() >= 2);
            assertThat(storyIds(updates)).containsOnly(storyId);
            assertThat(updates).extracting(u -> u.path("type").asText()).containsExactly("PitchAccepted", "PlacementPlanned");
            assertThat(updates.get(1).path("placementId").asText()).isEqualTo("li");
            assertThat(updates.get(1).path("position").asLong()).isGreaterThan(updates.get(0).path("position").asLong());
        }
    }

    @Test
    void aChangeIsPushedOnceBothReadModelsShowItAndNeitherProjectionWaitsForTheOther() throws Exception {
        StreamingEventProcessor calendar = processing.eventProcessor("calendar", StreamingEventProcessor.class)
                .orElseThrow();
        try (StompTestClient viewer = connect("victor")) {
            List<JsonNode> board = viewer.subscribe(Topics.BOARD);
            Thread.sleep(200);
            calendar.shutDown();
            String storyId;
            try {
                // the stories read model answers the command although the calendar is stopped
                storyId = pitch("carla", content("Waits for the calendar", uniqueDesk()));
                assertThat(story(storyId).path("title").asText()).isEqualTo("Waits for the calendar");
                Thread.sleep(500);
                assertThat(storyIds(board)).doesNotContain(storyId); // a reload would not show it on the calendar yet
            } finally {
                calendar.start();
            }
            String pushed = storyId;
            await().atMost(WAIT).until(() -> storyIds(board).contains(pushed));
            assertThat(board.stream().filter(update -> update.path("storyId").asText().equals(pushed))).hasSize(1);
        }
    }

    @Test
    void aWrongPasswordIsRefusedAtConnect() {
        assertThatThrownBy(() -> StompTestClient.connect(port, "victor", "wrong-password").close())
                .isInstanceOf(Exception.class);
    }

    @Test
    void onlyWhoeverMayApproveSubscribesToTheApprovalQueueNotAViewerNorTheAdmin() throws Exception {
        try (StompTestClient viewer = connect("victor"); StompTestClient admin = connect("ada");
             StompTestClient lead = connect("grace"); StompTestClient editorAndLead = connect("nora")) {
            List<JsonNode> viewerApprovals = viewer.subscribe(Topics.APPROVALS);
            List<JsonNode> adminApprovals = admin.subscribe(Topics.APPROVALS);
            List<JsonNode> leadApprovals = lead.subscribe(Topics.APPROVALS);
            List<JsonNode> noraApprovals = editorAndLead.subscribe(Topics.APPROVALS);
            Thread.sleep(200);

            String storyId = inReviewStory(uniqueDesk());

            await().atMost(WAIT).until(() -> storyIds(leadApprovals).contains(storyId)
                    && storyIds(noraApprovals).contains(storyId));
            assertThat(viewerApprovals).isEmpty();
            assertThat(adminApprovals).isEmpty();
            await().atMost(WAIT).until(() -> !viewer.errors.isEmpty() || !viewer.connected());
            await().atMost(WAIT).until(() -> !admin.errors.isEmpty() || !admin.connected());
        }
    }

    @Test
    void aPushCarriesTheStoryForEveryoneWithoutPerPersonActions() throws Exception {
        String storyId = plannedStory(uniqueDesk());
        try (StompTestClient lead = connect("grace")) {
            List<JsonNode> updates = lead.subscribe(Topics.story(storyId));
            Thread.sleep(200);

            ok(api.as("carla").post(path(storyId, "submit")));

            await().atMost(WAIT).until(() -> !updates.isEmpty());
            JsonNode pushed = updates.get(0).path("story");
            assertThat(pushed.path("status").asText()).isEqualTo("IN_REVIEW");
            assertThat(pushed.has("allowedActions")).isFalse();
            assertThat(pushed.has("approvableSteps")).isFalse();
            assertThat(pushed.path("placements")).allSatisfy(p -> assertThat(p.has("allowedActions")).isFalse());
            // the caller's own actions come with GET /api/stories/{id}: grace signs for communications
            JsonNode fetched = ok(api.as("grace").get("/api/stories/" + storyId)).body();
            assertThat(fetched.path("approvableSteps")).extracting(JsonNode::asText)
                    .containsExactly("communications");
        }
    }

    @Test
    void aClientCannotPublishStraightToATopic() throws Exception {
        try (StompTestClient watcher = connect("victor"); StompTestClient forger = connect("eddie")) {
            List<JsonNode> board = watcher.subscribe(Topics.BOARD);
            Thread.sleep(200);

            forger.send(Topics.BOARD, Map.of("type", "StoryPitched", "storyId", "forged"));
            await().atMost(WAIT).until(() -> !forger.errors.isEmpty() || !forger.connected());
            String storyId = pitch("carla", content("After the forgery", uniqueDesk()));

            await().atMost(WAIT).until(() -> storyIds(board).contains(storyId));
            assertThat(storyIds(board)).doesNotContain("forged");
        }
    }

    @Test
    void aDashboardThatDropsCatchesUpWithNothingMissingOrDuplicated() throws Exception {
        String storyId = pitch("carla", content("Catch-up story", uniqueDesk()));
        long lastSeen;
        try (StompTestClient editor = connect("eddie")) {
            List<JsonNode> updates = editor.subscribe(Topics.story(storyId));
            Thread.sleep(200);
            ok(api.as("eddie").post(path(storyId, "accept"), Map.of("assignee", "carla")));
            await().atMost(WAIT).until(() -> updates.size() == 1);
            lastSeen = updates.get(0).path("position").asLong();
        } // the connection drops

        ok(api.as("eddie").post(path(storyId, "placements"), placement("p1", "intranet", PRESS_SLOT, "Intranet")));
        ok(api.as("eddie").post(path(storyId, "placements"), placement("p2", "corporate-blog", LINKEDIN_SLOT, "Blog")));
        ok(api.as("carla").post(path(storyId, "submit")));

        try (StompTestClient editor = connect("eddie")) {
            List<JsonNode> pushed = editor.subscribe(Topics.story(storyId));
            Thread.sleep(200);
            List<JsonNode> missed = catchUp(lastSeen);
            List<JsonNode> ofStory = missed.stream().filter(u -> u.path("storyId").asText().equals(storyId)).toList();

            assertThat(ofStory).extracting(u -> u.path("type").asText())
                    .containsExactly("PlacementPlanned", "PlacementPlanned", "StorySubmitted");
            List<Long> positions = missed.stream().map(u -> u.path("position").asLong()).toList();
            assertThat(positions).isSorted().doesNotHaveDuplicates().allMatch(position -> position > lastSeen);

            // a change after reconnecting arrives as a push, with a position after everything caught up
            ok(api.as("grace").post(path(storyId, "change-requests"), Map.of("comment", "Shorter, please")));
            await().atMost(WAIT).until(() -> pushed.stream().anyMatch(u -> u.path("type").asText().equals("ChangesRequested")));
            long caughtUpTo = positions.get(positions.size() - 1);
            JsonNode changes = pushed.stream().filter(u -> u.path("type").asText().equals("ChangesRequested"))
                    .findFirst().orElseThrow();
            assertThat(changes.path("position").asLong()).isGreaterThan(caughtUpTo);
            // a push of an event caught up already may still arrive late (the publisher waits for the read
            // models); its position tells the client to drop it
            assertThat(pushed).filteredOn(u -> u != changes)
                    .allMatch(u -> u.path("position").asLong() <= caughtUpTo);
        }
    }

    private List<JsonNode> catchUp(long after) {
        List<JsonNode> all = new ArrayList<>();
        long position = after;
        for (int page = 0; page < 100; page++) {
            JsonNode answer = ok(api.as("eddie").get("/api/live/updates?after=" + position)).body();
            answer.path("updates").forEach(all::add);
            if (answer.path("updates").size() < 500) {
                break;
            }
            position = answer.path("position").asLong();
        }
        return all;
    }

    @Test
    void aMentionedUserIsNotifiedLiveAndInTheirInbox() throws Exception {
        String storyId = pitch("carla", content("Mention story", uniqueDesk()));
        try (StompTestClient lena = connect("lena"); StompTestClient grace = connect("grace")) {
            List<JsonNode> lenaNotes = lena.subscribe(Topics.USER_NOTIFICATIONS);
            List<JsonNode> graceNotes = grace.subscribe(Topics.USER_NOTIFICATIONS);
            Thread.sleep(200);

            JsonNode story = ok(api.as("carla").post(path(storyId, "comments"),
                    Map.of("text", "@lena could you check the legal wording? @nobody-by-that-name"))).body();

            assertThat(story.path("comments").get(0).path("mentions").toString()).isEqualTo("[\"lena\"]");
            await().atMost(WAIT).until(() -> lenaNotes.stream()
                    .anyMatch(n -> n.path("storyId").asText().equals(storyId) && n.path("kind").asText().equals("MENTIONED")));
            assertThat(graceNotes).noneMatch(n -> n.path("storyId").asText().equals(storyId));
            JsonNode inbox = ok(api.as("lena").get("/api/notifications")).body();
            assertThat(inbox.get(0).path("storyId").asText()).isEqualTo(storyId);
            assertThat(inbox.get(0).path("by").asText()).isEqualTo("carla");
        }
    }

    @Test
    void governanceLeadsAreAskedForApprovalAndAuthorsToldWhenSentBack() throws Exception {
        try (StompTestClient lena = connect("lena"); StompTestClient carla = connect("carla")) {
            List<JsonNode> lenaNotes = lena.subscribe(Topics.USER_NOTIFICATIONS);
            List<JsonNode> carlaNotes = carla.subscribe(Topics.USER_NOTIFICATIONS);
            Thread.sleep(200);

            String storyId = inReviewStory(uniqueDesk());
            ok(api.as("grace").post(path(storyId, "change-requests"), Map.of("comment", "Needs a quote")));

            await().atMost(WAIT).until(() -> lenaNotes.stream().anyMatch(n -> n.path("storyId").asText().equals(storyId)
                    && n.path("kind").asText().equals("APPROVAL_REQUESTED")));
            await().atMost(WAIT).until(() -> carlaNotes.stream().anyMatch(n -> n.path("storyId").asText().equals(storyId)
                    && n.path("kind").asText().equals("SENT_BACK")));
            assertThat(carlaNotes).anyMatch(n -> n.path("storyId").asText().equals(storyId)
                    && n.path("kind").asText().equals("ASSIGNED"));
        }
    }

    @Test
    void presenceShowsWhoIsViewingAndClearsWhenTheirConnectionEnds() throws Exception {
        String storyId = pitch("carla", content("Presence story", uniqueDesk()));
        try (StompTestClient watcher = connect("victor")) {
            List<JsonNode> presence = watcher.subscribe(Topics.presence(storyId));
            Thread.sleep(200);
            StompTestClient lena = connect("lena");
            lena.send("/app/presence", Map.of("storyId", storyId, "mode", "EDITING"));

            await().atMost(WAIT).until(() -> !presence.isEmpty()
                    && presence.get(presence.size() - 1).path("people").toString().contains("lena"));
            assertThat(presence.get(presence.size() - 1).path("people").get(0).path("mode").asText()).isEqualTo("EDITING");

            lena.close(); // the connection ends without saying LEFT
            await().atMost(WAIT).until(() -> presence.get(presence.size() - 1).path("people").isEmpty());
        }
    }

    @Test
    void whenTwoPeopleArriveAtOnceTheLastListEveryoneGetsHasBoth() throws Exception {
        String storyId = pitch("carla", content("Arriving together", uniqueDesk()));
        try (StompTestClient watcher = connect("victor"); StompTestClient lena = connect("lena");
             StompTestClient eddie = connect("eddie")) {
            List<JsonNode> presence = watcher.subscribe(Topics.presence(storyId));
            Thread.sleep(200);
            // sent from two connections at the same moment: handled on two threads
            Thread other = new Thread(() -> eddie.send("/app/presence", Map.of("storyId", storyId, "mode", "VIEWING")));
            other.start();
            lena.send("/app/presence", Map.of("storyId", storyId, "mode", "VIEWING"));
            other.join();

            await().atMost(WAIT).until(() -> presence.size() >= 2);
            // the list that arrives last is the current one, whichever message was handled first
            await().during(java.time.Duration.ofMillis(500)).atMost(WAIT).until(() -> {
                String last = presence.get(presence.size() - 1).path("people").toString();
                return last.contains("lena") && last.contains("eddie");
            });
        }
    }
}
