package newsroom.api.crisis;

import static newsroom.api.ProblemAssert.assertFieldError;
import static newsroom.api.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import newsroom.api.ApiClient.Response;
import newsroom.api.ApiIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Crisis mode over HTTP: a lead switches it on, every scheduled placement pauses (one event each), only leads
 * schedule or publish meanwhile, another lead ends it, and nothing paused goes out without a decision.
 */
class CrisisModeIT extends ApiIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    /** The store is shared by every IT: never leave the newsroom in crisis. */
    @AfterEach
    void endAnyCrisis() {
        if (ok(api.as("victor").get("/api/crisis")).body().path("active").asBoolean()) {
            ok(api.as("grace").post("/api/crisis/end", Map.of("reason", "test over")));
        }
    }

    private JsonNode switchOn(String lead, String reason) {
        Response on = api.as(lead).post("/api/crisis", Map.of("reason", reason));
        assertThat(on.status()).as("%s", on).isEqualTo(201);
        return on.body();
    }

    private JsonNode placement(String storyId, String placementId, String user) {
        for (JsonNode placement : ok(api.as(user).get("/api/stories/" + storyId)).body().path("placements")) {
            if (placement.path("placementId").asText().equals(placementId)) {
                return placement;
            }
        }
        throw new AssertionError("no placement " + placementId);
    }

    private void awaitPaused(String storyId, String placementId, boolean paused) {
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(placement(storyId, placementId, "victor").path("paused").asBoolean()).isEqualTo(paused));
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private List<String> eventTypes(String storyId) {
        List<String> types = new ArrayList<>();
        history(storyId).forEach(entry -> types.add(entry.path("type").asText()));
        return types;
    }

    @Test
    void aCrisisSwitchedOnByOneLeadPausesTheScheduledPlacementsAndIsEndedByAnother() {
        String storyId = approvedStory(uniqueDesk());

        JsonNode on = switchOn("grace", "Plant incident");
        assertThat(on.path("active").asBoolean()).isTrue();
        assertThat(on.path("current").path("switchedOnBy").asText()).isEqualTo("grace");
        assertThat(on.path("current").path("reason").asText()).isEqualTo("Plant incident");

        awaitPaused(storyId, PRESS, true);
        awaitPaused(storyId, LINKEDIN, true);
        JsonNode pausedPress = placement(storyId, PRESS, "eddie");
        assertThat(pausedPress.path("pausedBy").asText()).isEqualTo("grace");
        assertThat(pausedPress.path("pauseReason").asText()).isEqualTo("Plant incident");
        assertThat(eventTypes(storyId)).containsSubsequence("PlacementPaused", "PlacementPaused");
        JsonNode calendar = ok(api.as("victor").get("/api/calendar?from=2027-03-04T00:00:00Z&to=2027-03-05T00:00:00Z"))
                .body();
        assertThat(calendar.path("entries").findValuesAsText("storyId")).contains(storyId);
        calendar.path("entries").forEach(entry -> {
            if (entry.path("storyId").asText().equals(storyId)) {
                assertThat(entry.path("status").asText()).isEqualTo("PAUSED");
            }
        });

        // while it holds, the editor neither publishes nor moves anything, and is not offered to
        assertThat(texts(pausedPress.path("allowedActions"))).containsExactly("CANCEL_PLACEMENT");
        assertThat(assertProblem(api.as("eddie").post(path(storyId, "placements/" + PRESS + "/publish")), 409)
                .path("rule").asText()).isEqualTo("CrisisModeActive");
        assertThat(assertProblem(api.as("eddie").post(path(storyId, "placements/" + PRESS + "/reschedule"),
                Map.of("slot", "2027-03-05T09:00:00Z")), 409).path("rule").asText()).isEqualTo("CrisisModeActive");

        JsonNode off = ok(api.as("lena").post("/api/crisis/end", Map.of("reason", "Statement is out"))).body();
        assertThat(off.path("active").asBoolean()).isFalse();
        JsonNode ended = off.path("recent").get(0);
        assertThat(ended.path("switchedOnBy").asText()).isEqualTo("grace");
        assertThat(ended.path("endedBy").asText()).isEqualTo("lena");
        assertThat(ended.path("endReason").asText()).isEqualTo("Statement is out");
        assertThat(ended.path("decision").asText()).isEqualTo("DECIDE_EACH");

        // it never goes out silently: still paused, publishing refused, the desk decides
        assertThat(placement(storyId, PRESS, "victor").path("paused").asBoolean()).isTrue();
        assertThat(assertProblem(api.as("eddie").post(path(storyId, "placements/" + PRESS + "/publish")), 409)
                .path("rule").asText()).isEqualTo("PlacementPaused");
        assertThat(texts(placement(storyId, PRESS, "eddie").path("allowedActions")))
                .containsExactly("RESCHEDULE_PLACEMENT", "CANCEL_PLACEMENT", "RESUME_PLACEMENT");

        Response moved = ok(api.as("eddie").post(path(storyId, "placements/" + PRESS + "/reschedule"),
                Map.of("slot", "2027-03-05T09:00:00Z")));
        assertThat(moved.body().path("placements").get(0).path("paused").asBoolean()).isFalse();
        ok(api.as("eddie").post(path(storyId, "placements/" + LINKEDIN + "/resume"), Map.of("reason", "all clear")));
        ok(api.as("eddie").post(path(storyId, "placements/" + PRESS + "/publish")));
        assertThat(eventTypes(storyId)).containsSubsequence("PlacementRescheduled", "PlacementResumed",
                "PlacementResumed", "PlacementPublished");
    }

    @Test
    void aPlacementPlannedDuringTheCrisisIsRefusedToTheEditorAndScheduledUnpausedForALeadWhoEdits() {
        String storyId = plannedStory(uniqueDesk());
        switchOn("lena", "Data leak");
        Response refused = api.as("eddie").post(path(storyId, "placements"),
                placement("statement", "corporate-blog", Instant.parse("2027-03-04T15:00:00Z"), "Our statement"));
        assertThat(assertProblem(refused, 409).path("rule").asText()).isEqualTo("CrisisModeActive");
        // the crisis pauses the story's placements with a command of its own: planning at the same moment would
        // answer 409 version-conflict (reported, not retried)
        awaitPaused(storyId, PRESS, true);

        ok(api.as("nora").post(path(storyId, "placements"),
                placement("statement", "corporate-blog", Instant.parse("2027-03-04T15:00:00Z"), "Our statement")));
        assertThat(placement(storyId, "statement", "victor").path("paused").asBoolean()).isFalse();

        ok(api.as("grace").post("/api/crisis/end", Map.of("reason", "contained", "decision", "RESUME")));
        awaitPaused(storyId, PRESS, false);
        assertThat(placement(storyId, "statement", "victor").path("paused").asBoolean()).isFalse();
    }

    @Test
    void aPlacementWhoseSlotFallsInsideTheCrisisStaysPausedWhenTheRestResumesInBulk() {
        String storyId = plannedStory(uniqueDesk());
        Instant soon = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
        ok(api.as("eddie").post(path(storyId, "placements"), placement("soon", "intranet", soon, "Town hall now")));
        switchOn("grace", "Storm");
        awaitPaused(storyId, "soon", true);
        awaitPaused(storyId, PRESS, true);
        await().atMost(WAIT).until(() -> Instant.now().isAfter(soon.plusSeconds(1)));

        ok(api.as("lena").post("/api/crisis/end", Map.of("reason", "storm over", "decision", "RESUME")));
        awaitPaused(storyId, PRESS, false);
        assertThat(placement(storyId, "soon", "victor").path("paused").asBoolean()).isTrue();
        assertThat(assertProblem(api.as("eddie").post(path(storyId, "placements/soon/resume")), 409)
                .path("rule").asText()).isEqualTo("PausedSlotPassed");
        assertThat(texts(placement(storyId, "soon", "eddie").path("allowedActions")))
                .containsExactly("RESCHEDULE_PLACEMENT", "CANCEL_PLACEMENT");
        ok(api.as("eddie").post(path(storyId, "placements/soon/cancel"), Map.of("reason", "moment passed")));
    }

    @Test
    void endingWithCancelCancelsWhatThePauseHeld() {
        String storyId = plannedStory(uniqueDesk());
        switchOn("grace", "Recall");
        awaitPaused(storyId, LINKEDIN, true);
        ok(api.as("grace").post("/api/crisis/end", Map.of("reason", "campaign dropped", "decision", "CANCEL")));
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(placement(storyId, LINKEDIN, "victor").path("status").asText()).isEqualTo("CANCELLED"));
        assertThat(placement(storyId, LINKEDIN, "victor").path("cancelReason").asText()).contains("campaign dropped");
    }

    @Test
    void onlyGovernanceLeadsSwitchItAndOneCrisisHoldsAtATime() {
        assertThat(assertProblem(api.as("eddie").post("/api/crisis", Map.of("reason", "x")), 403)
                .path("action").asText()).isEqualTo("SWITCH_CRISIS_MODE");
        assertFieldError(api.as("grace").post("/api/crisis", Map.of("reason", " ")), "reason", "NotBlank");
        assertThat(assertProblem(api.as("grace").post("/api/crisis/end", Map.of("reason", "nothing")), 409)
                .path("rule").asText()).isEqualTo("CrisisModeNotOn");
        switchOn("grace", "First");
        assertThat(assertProblem(api.as("lena").post("/api/crisis", Map.of("reason", "Second")), 409)
                .path("rule").asText()).isEqualTo("CrisisModeAlreadyOn");
        assertThat(assertProblem(api.as("eddie").post("/api/crisis/end", Map.of("reason", "x")), 403)
                .path("action").asText()).isEqualTo("SWITCH_CRISIS_MODE");
        assertThat(ok(api.as("victor").get("/api/crisis")).body().path("allowedActions")).isEmpty();
        assertThat(texts(ok(api.as("lena").get("/api/crisis")).body().path("allowedActions")))
                .containsExactly("SWITCH_CRISIS_MODE");
    }
}
