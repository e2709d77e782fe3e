package newsroom.api.story;

import static newsroom.api.story.StoryWorkflowIT.placementOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import newsroom.api.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Every story the API returns says what the caller may do next ({@code allowedActions}, each placement's
 * {@code allowedActions}, {@code approvableSteps}), per person, from the domain's decision function.
 */
class AllowedActionsIT extends ApiIntegrationTest {

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private JsonNode storyAs(String user, String storyId) {
        return ok(api.as(user).get("/api/stories/" + storyId)).body();
    }

    @Test
    void eachRoleIsOfferedItsOwnActionsOnAStoryInReview() {
        String storyId = inReviewStory(uniqueDesk());

        JsonNode carla = storyAs("carla", storyId);
        assertThat(texts(carla.path("allowedActions"))).containsExactly("EDIT_DRAFT", "COMMENT");
        assertThat(texts(carla.path("approvableSteps"))).isEmpty();
        assertThat(texts(placementOf(carla, PRESS).path("allowedActions"))).isEmpty();

        JsonNode eddie = storyAs("eddie", storyId);
        assertThat(texts(eddie.path("allowedActions")))
                .containsExactly("EDIT_DRAFT", "ASSIGN", "PLAN_PLACEMENT", "KILL_STORY", "COMMENT");
        assertThat(texts(placementOf(eddie, PRESS).path("allowedActions")))
                .containsExactly("RESCHEDULE_PLACEMENT", "CANCEL_PLACEMENT");

        JsonNode grace = storyAs("grace", storyId);
        assertThat(texts(grace.path("allowedActions")))
                .containsExactly("APPROVE", "REQUEST_CHANGES", "KILL_STORY", "COMMENT");
        // each lead signs the step of her group: grace communications, lena legal
        assertThat(texts(grace.path("approvableSteps"))).containsExactly("communications");
        assertThat(texts(storyAs("lena", storyId).path("approvableSteps"))).containsExactly("legal");

        for (String onlooker : List.of("victor", "ada", "otto")) {
            JsonNode story = storyAs(onlooker, storyId);
            assertThat(texts(story.path("allowedActions"))).as(onlooker).isEmpty();
            assertThat(texts(story.path("approvableSteps"))).as(onlooker).isEmpty();
            assertThat(story.path("placements")).allSatisfy(placement ->
                    assertThat(texts(placement.path("allowedActions"))).as(onlooker).isEmpty());
        }
    }

    @Test
    void aSignedStepIsNoLongerOfferedAndThePlacementItCoversMayBePublished() {
        String storyId = inReviewStory(uniqueDesk());

        JsonNode answer = ok(api.as("grace").post(path(storyId, "approvals"), Map.of("step", "communications"))).body();

        // the command's answer already says what grace may do now: no second step of the same version
        assertThat(texts(answer.path("approvableSteps"))).isEmpty();
        assertThat(texts(answer.path("allowedActions"))).doesNotContain("APPROVE").contains("REQUEST_CHANGES");
        assertThat(texts(storyAs("lena", storyId).path("approvableSteps"))).containsExactly("legal");
        JsonNode eddie = storyAs("eddie", storyId);
        assertThat(texts(placementOf(eddie, LINKEDIN).path("allowedActions"))).contains("PUBLISH_PLACEMENT");
        assertThat(texts(placementOf(eddie, PRESS).path("allowedActions"))).doesNotContain("PUBLISH_PLACEMENT");
    }

    @Test
    void anOfferedActionIsAcceptedAndAnActionNotOfferedIsRefused() {
        String storyId = plannedStory(uniqueDesk());
        assertThat(texts(storyAs("carla", storyId).path("allowedActions"))).contains("SUBMIT");
        assertThat(texts(storyAs("victor", storyId).path("allowedActions"))).doesNotContain("SUBMIT");

        assertThat(api.as("victor").post(path(storyId, "submit")).status()).isEqualTo(403);
        JsonNode submitted = ok(api.as("carla").post(path(storyId, "submit"))).body();

        assertThat(submitted.path("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(texts(submitted.path("allowedActions"))).doesNotContain("SUBMIT");
        StoryWorkflowIT.assertRule(api.as("carla").post(path(storyId, "submit")), "InvalidWorkflowTransition");
    }

    @Test
    void listsTheBoardAndCommandAnswersCarryTheCallersActions() {
        String desk = uniqueDesk();
        String storyId = pitch("carla", content("A pitch for the board", desk));

        JsonNode listed = ok(api.as("eddie").get("/api/stories?desk=" + desk)).body().get(0);
        assertThat(texts(listed.path("allowedActions"))).contains("ACCEPT_PITCH", "DECLINE_PITCH");
        JsonNode card = boardCard("eddie", storyId);
        assertThat(texts(card.path("allowedActions"))).contains("ACCEPT_PITCH", "DECLINE_PITCH");
        assertThat(texts(boardCard("carla", storyId).path("allowedActions"))).containsExactly("EDIT_DRAFT", "COMMENT");

        JsonNode accepted = ok(api.as("eddie").post(path(storyId, "accept"), Map.of())).body();
        assertThat(texts(accepted.path("allowedActions"))).contains("PLAN_PLACEMENT", "SUBMIT")
                .doesNotContain("ACCEPT_PITCH");
        JsonNode planned = ok(api.as("eddie").post(path(storyId, "placements"),
                placement(LINKEDIN, "linkedin", LINKEDIN_SLOT, "On LinkedIn"))).body();
        assertThat(texts(placementOf(planned, LINKEDIN).path("allowedActions")))
                .containsExactly("RESCHEDULE_PLACEMENT", "CANCEL_PLACEMENT");
    }

    private JsonNode boardCard(String user, String storyId) {
        for (JsonNode column : ok(api.as(user).get("/api/board")).body().path("columns")) {
            for (JsonNode story : column.path("stories")) {
                if (story.path("storyId").asText().equals(storyId)) {
                    return story;
                }
            }
        }
        throw new AssertionError("story " + storyId + " is not on the board");
    }
}
