package newsroom.api.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import newsroom.api.ApiClient.Response;
import newsroom.api.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

/** A story from pitch to published, and the workflow rules on the way, over HTTP with the demo users. */
class StoryWorkflowIT extends ApiIntegrationTest {

    @Test
    void aStoryGoesFromPitchToPublishedOnTwoChannelsAndItsHistoryNamesWhoDidWhat() {
        String desk = uniqueDesk();

        Response pitched = api.as("carla").post("/api/stories", content("Apprentices build the robot cell", desk));
        assertThat(pitched.status()).as("%s", pitched).isEqualTo(201);
        String storyId = pitched.body().path("storyId").asText();
        assertThat(pitched.header("Location")).isEqualTo("/api/stories/" + storyId);
        assertThat(pitched.header("ETag")).isEqualTo("\"0\"");
        assertThat(pitched.body().path("status").asText()).isEqualTo("PITCHED");
        assertThat(pitched.body().path("pitchedBy").asText()).isEqualTo("carla");

        Response accepted = ok(api.as("eddie").post(path(storyId, "accept"), Map.of("assignee", "carla")));
        assertThat(accepted.body().path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(accepted.body().path("assignee").asText()).isEqualTo("carla");

        Response press = ok(api.as("eddie").post(path(storyId, "placements"),
                placement(PRESS, "press-release", PRESS_SLOT, "PRESS RELEASE: apprentices ...")));
        assertThat(placementOf(press.body(), PRESS).path("requiredApprovalSteps"))
                .extracting(JsonNode::asText).containsExactly("communications", "legal");
        Response linkedIn = ok(api.as("eddie").post(path(storyId, "placements"),
                placement(LINKEDIN, "linkedin", LINKEDIN_SLOT, "Meet the six apprentices who ...")));
        assertThat(placementOf(linkedIn.body(), LINKEDIN).path("requiredApprovalSteps"))
                .extracting(JsonNode::asText).containsExactly("communications");

        Response submitted = ok(api.as("carla").post(path(storyId, "submit")));
        assertThat(submitted.body().path("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(submitted.body().path("pendingApprovalSteps"))
                .extracting(JsonNode::asText).containsExactly("communications", "legal");

        Response carlaApproves = api.as("carla").post(path(storyId, "approvals"), Map.of("step", "communications"));
        assertThat(carlaApproves.status()).as("%s", carlaApproves).isEqualTo(403);
        assertThat(carlaApproves.contentType()).startsWith("application/problem+json");

        Response communications = ok(api.as("grace").post(path(storyId, "approvals"),
                Map.of("step", "communications")));
        assertThat(communications.body().path("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(communications.body().path("pendingApprovalSteps"))
                .extracting(JsonNode::asText).containsExactly("legal");
        Response legal = ok(api.as("lena").post(path(storyId, "approvals"), Map.of("step", "legal")));
        assertThat(legal.body().path("status").asText()).isEqualTo("APPROVED");
        assertThat(legal.body().path("approvals")).extracting(a -> a.path("approvedBy").asText())
                .containsExactly("grace", "lena");

        ok(api.as("eddie").post(path(storyId, "placements/" + PRESS + "/publish")));
        Response published = ok(api.as("eddie").post(path(storyId, "placements/" + LINKEDIN + "/publish")));
        for (String placementId : List.of(PRESS, LINKEDIN)) {
            JsonNode placement = placementOf(published.body(), placementId);
            assertThat(placement.path("status").asText()).isEqualTo("PUBLISHED");
            assertThat(placement.path("publishedBy").asText()).isEqualTo("eddie");
            assertThat(placement.path("publishedAt").asText()).isNotBlank();
        }
        // what eddie reads now is what his command answered, down to what he may do next
        assertThat(ok(api.as("eddie").get("/api/stories/" + storyId)).body()).isEqualTo(published.body());

        JsonNode history = history(storyId);
        assertThat(history).extracting(entry -> entry.path("type").asText() + " by " + entry.path("by").asText())
                .containsExactly(
                        "StoryPitched by carla",
                        "PitchAccepted by eddie",
                        "PlacementPlanned by eddie",
                        "PlacementPlanned by eddie",
                        "StorySubmitted by carla",
                        "ApprovalPoliciesApplied by carla",
                        "ApprovalGranted by grace",
                        "ApprovalAttested by grace",
                        "ApprovalGranted by lena",
                        "ApprovalAttested by lena",
                        "StoryApproved by lena",
                        "PlacementPublished by eddie",
                        "PlacementPublished by eddie");
        assertThat(history).extracting(entry -> entry.path("version").asLong())
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
        List<String> correlationIds = new ArrayList<>();
        history.forEach(entry -> correlationIds.add(entry.path("correlationId").asText(null)));
        assertThat(correlationIds).doesNotContainNull().allMatch(id -> !id.isBlank());
        // the submission records the policies applied, each approval its terms, and lena's approval completed
        // the review: the events of one command share its id
        assertThat(correlationIds.get(5)).isEqualTo(correlationIds.get(4));
        assertThat(correlationIds.get(7)).isEqualTo(correlationIds.get(6));
        assertThat(List.of(correlationIds.get(9), correlationIds.get(10))).containsOnly(correlationIds.get(8));
        assertThat(List.of(correlationIds.get(0), correlationIds.get(1), correlationIds.get(2),
                correlationIds.get(3), correlationIds.get(4), correlationIds.get(6), correlationIds.get(8),
                correlationIds.get(11), correlationIds.get(12))).doesNotHaveDuplicates();
    }

    @Test
    void storiesAreListedByStatusAndDesk() {
        String desk = uniqueDesk();
        String approved = approvedStory(desk);
        String pitchedOnly = pitch("carla", content("Still a pitch", desk));
        String elsewhere = approvedStory(uniqueDesk());

        assertThat(list("status=APPROVED&desk=" + desk)).containsExactly(approved);
        assertThat(list("status=PITCHED&desk=" + desk)).containsExactly(pitchedOnly);
        assertThat(list("desk=" + desk)).containsExactlyInAnyOrder(approved, pitchedOnly);
        assertThat(list("status=APPROVED")).contains(approved, elsewhere).doesNotContain(pitchedOnly);
        assertThat(list("status=IN_REVIEW&desk=" + desk)).isEmpty();
    }

    @Test
    void aGovernanceLeadWhoPitchedAStoryCannotApproveIt() {
        String storyId = pitch("grace", content("Our new sustainability report", uniqueDesk()));
        ok(api.as("eddie").post(path(storyId, "accept"), Map.of()));
        ok(api.as("eddie").post(path(storyId, "placements"),
                placement(LINKEDIN, "linkedin", LINKEDIN_SLOT, "The report is out")));
        ok(api.as("eddie").post(path(storyId, "submit")));
        long versionBefore = story(storyId).path("version").asLong();

        Response refused = api.as("grace").post(path(storyId, "approvals"), Map.of("step", "communications"));

        assertRule(refused, "FourEyesPrinciple");
        assertThat(story(storyId).path("version").asLong()).isEqualTo(versionBefore);
        // another member of the communications group signs it
        Response byAnother = ok(api.as("nora").post(path(storyId, "approvals"), Map.of("step", "communications")));
        assertThat(byAnother.body().path("status").asText()).isEqualTo("APPROVED");
    }

    @Test
    void whoeverLastChangedTheContentCannotApproveIt() {
        // nora (editor and governance lead) may plan and approve; planning a placement makes her the last editor
        String storyId = pitch("carla", content("Legal explains the new whistleblower channel", uniqueDesk()));
        ok(api.as("eddie").post(path(storyId, "accept"), Map.of()));
        ok(api.as("nora").post(path(storyId, "placements"),
                placement("intranet", "intranet", LINKEDIN_SLOT, "How to report safely")));
        ok(api.as("carla").post(path(storyId, "submit")));

        assertRule(api.as("nora").post(path(storyId, "approvals"), Map.of()), "FourEyesPrinciple");
        Response approved = ok(api.as("grace").post(path(storyId, "approvals"), Map.of()));
        assertThat(approved.body().path("status").asText()).isEqualTo("APPROVED");
    }

    @Test
    void editingAnApprovedStoryWithdrawsItsApproval() {
        String desk = uniqueDesk();
        String storyId = approvedStory(desk);

        Response edited = ok(api.as("carla").put(path(storyId, "draft"),
                content("Apprentices build the robot cell (updated figures)", desk)));

        assertThat(edited.body().path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(edited.body().path("approvals")).isEmpty();
        assertThat(edited.body().path("title").asText()).endsWith("(updated figures)");
        JsonNode history = history(storyId);
        JsonNode last = history.get(history.size() - 1);
        assertThat(history.get(history.size() - 2).path("type").asText()).isEqualTo("DraftEdited");
        assertThat(last.path("type").asText()).isEqualTo("ApprovalWithdrawn");
        assertThat(last.path("by").asText()).isEqualTo("carla");
        assertThat(last.path("data").path("withdrawn")).extracting(w -> w.path("approvedBy").asText())
                .containsExactlyInAnyOrder("grace", "lena");
        assertRule(api.as("eddie").post(path(storyId, "placements/" + PRESS + "/publish")), "RequiredApprovalsMissing");
    }

    @Test
    void aPlacementCannotBePublishedBeforeItsApprovals() {
        String storyId = inReviewStory(uniqueDesk());
        ok(api.as("grace").post(path(storyId, "approvals"), Map.of("step", "communications")));

        // the press release still lacks legal; the LinkedIn post needs only communications
        assertRule(api.as("eddie").post(path(storyId, "placements/" + PRESS + "/publish")), "RequiredApprovalsMissing");
        JsonNode story = story(storyId);
        assertThat(placementOf(story, PRESS).path("status").asText()).isEqualTo("PLANNED");
        assertThat(history(storyId)).noneMatch(entry -> entry.path("type").asText().equals("PlacementPublished"));
    }

    @Test
    void aSlotBeforeTheEmbargoIsRefused() {
        Map<String, Object> embargoed = content("Quarterly results", uniqueDesk());
        embargoed.put("embargo", "2027-05-01T06:00:00Z");
        String storyId = pitch("carla", embargoed);
        ok(api.as("eddie").post(path(storyId, "accept"), Map.of()));

        assertRule(api.as("eddie").post(path(storyId, "placements"),
                placement(PRESS, "press-release", Instant.parse("2027-05-01T05:59:00Z"), "Results")),
                "SlotBeforeEmbargo");
        assertThat(story(storyId).path("placements")).isEmpty();
        Response atEmbargo = ok(api.as("eddie").post(path(storyId, "placements"),
                placement(PRESS, "press-release", Instant.parse("2027-05-01T06:00:00Z"), "Results")));
        assertThat(atEmbargo.body().path("placements")).hasSize(1);
    }

    @Test
    void aKilledStoryRefusesEveryChange() {
        String desk = uniqueDesk();
        String storyId = plannedStory(desk);
        Response killed = ok(api.as("eddie").post(path(storyId, "kill"),
                Map.of("reason", "The plant tour was cancelled")));
        assertThat(killed.body().path("status").asText()).isEqualTo("KILLED");
        assertThat(killed.body().path("placements")).extracting(p -> p.path("status").asText())
                .containsOnly("CANCELLED");
        long version = killed.body().path("version").asLong();

        assertRule(api.as("carla").put(path(storyId, "draft"), content("Revived", desk)), "StoryClosed");
        assertRule(api.as("eddie").post(path(storyId, "placements"),
                placement("blog", "corporate-blog", PRESS_SLOT, "Blog")), "StoryClosed");
        assertRule(api.as("eddie").post(path(storyId, "kill"), Map.of("reason", "again")), "StoryClosed");
        assertThat(story(storyId).path("version").asLong()).isEqualTo(version);
    }

    private List<String> list(String query) {
        List<String> ids = new ArrayList<>();
        ok(api.as("victor").get("/api/stories?" + query)).body()
                .forEach(story -> ids.add(story.path("storyId").asText()));
        return ids;
    }

    static JsonNode placementOf(JsonNode story, String placementId) {
        for (JsonNode placement : story.path("placements")) {
            if (placement.path("placementId").asText().equals(placementId)) {
                return placement;
            }
        }
        throw new AssertionError("no placement " + placementId + " in " + story);
    }

    static void assertRule(Response response, String rule) {
        assertThat(response.status()).as("%s", response).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("rule").asText()).as("%s", response).isEqualTo(rule);
    }
}
