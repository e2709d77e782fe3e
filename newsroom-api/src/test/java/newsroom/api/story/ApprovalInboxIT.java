package newsroom.api.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import newsroom.api.ApiClient.Response;
import newsroom.api.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

/** The approval inbox lists exactly the stories in which the caller may sign a step now. */
class ApprovalInboxIT extends ApiIntegrationTest {

    private List<String> inbox(String user) {
        List<String> ids = new ArrayList<>();
        ok(api.as(user).get("/api/approvals/inbox")).body().forEach(story -> ids.add(story.path("storyId").asText()));
        return ids;
    }

    private JsonNode inboxEntry(String user, String storyId) {
        for (JsonNode story : ok(api.as(user).get("/api/approvals/inbox")).body()) {
            if (story.path("storyId").asText().equals(storyId)) {
                return story;
            }
        }
        throw new AssertionError(storyId + " is not in " + user + "'s inbox");
    }

    @Test
    void aStoryLeavesALeadsInboxOnceSheSignedAStepAndStaysInTheOthers() {
        String storyId = inReviewStory(uniqueDesk());
        assertThat(inbox("grace")).contains(storyId);
        assertThat(inbox("lena")).contains(storyId);

        ok(api.as("grace").post(path(storyId, "approvals"), Map.of("step", "communications")));

        assertThat(inbox("grace")).doesNotContain(storyId);
        assertThat(inboxEntry("lena", storyId).path("approvableSteps"))
                .extracting(JsonNode::asText).containsExactly("legal");
        ok(api.as("lena").post(path(storyId, "approvals"), Map.of("step", "legal")));
        assertThat(inbox("lena")).doesNotContain(storyId);
    }

    @Test
    void nobodyFindsTheirOwnWorkInTheirInbox() {
        String pitchedByGrace = pitch("grace", content("Our sustainability report", uniqueDesk()));
        ok(api.as("eddie").post(path(pitchedByGrace, "accept"), Map.of()));
        ok(api.as("eddie").post(path(pitchedByGrace, "placements"),
                placement(LINKEDIN, "linkedin", LINKEDIN_SLOT, "The report is out")));
        ok(api.as("eddie").post(path(pitchedByGrace, "submit")));
        String editedByNora = plannedStory(uniqueDesk());
        ok(api.as("nora").post(path(editedByNora, "placements"),
                placement("intranet", "intranet", LINKEDIN_SLOT, "For everyone inside")));
        ok(api.as("carla").post(path(editedByNora, "submit")));

        assertThat(inbox("grace")).doesNotContain(pitchedByGrace).contains(editedByNora);
        assertThat(inbox("nora")).doesNotContain(editedByNora).contains(pitchedByGrace);
        // lena signs legal: the press release of the one, nothing of the LinkedIn-only other
        assertThat(inbox("lena")).contains(editedByNora).doesNotContain(pitchedByGrace);
    }

    @Test
    void aLeadFindsOnlyStoriesWithAStepOfHerGroup() {
        String linkedInOnly = pitch("carla", content("Our sustainability report", uniqueDesk()));
        ok(api.as("eddie").post(path(linkedInOnly, "accept"), Map.of()));
        ok(api.as("eddie").post(path(linkedInOnly, "placements"),
                placement(LINKEDIN, "linkedin", LINKEDIN_SLOT, "The report is out")));
        ok(api.as("eddie").post(path(linkedInOnly, "submit")));

        assertThat(inbox("grace")).contains(linkedInOnly);
        assertThat(inbox("lena")).doesNotContain(linkedInOnly);
    }

    @Test
    void storiesNotInReviewAreNotInTheInbox() {
        String planned = plannedStory(uniqueDesk());
        String approved = approvedStory(uniqueDesk());

        assertThat(inbox("lena")).doesNotContain(planned, approved);
    }

    @Test
    void onlyThoseWhoMayApproveHaveAnInbox() {
        for (String user : List.of("carla", "eddie", "ada", "victor")) {
            Response refused = api.as(user).get("/api/approvals/inbox");
            assertThat(refused.status()).as(user).isEqualTo(403);
            assertThat(refused.body().path("action").asText()).isEqualTo("APPROVE");
        }
    }
}
