package newsroom.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import newsroom.api.ApiClient.Response;
import newsroom.api.ApiIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every error is RFC 9457 problem+json naming what is wrong, never internals; a refused command changes
 * nothing.
 */
class ProblemResponsesIT extends ApiIntegrationTest {

    /** A fully qualified Java class name such as {@code org.example.SomeException}. */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b[a-z][a-z0-9_]*\\.[a-z][a-z0-9_.]*\\.[A-Z]\\w*");

    private String desk;
    private String storyId;

    @BeforeEach
    void aStoryInProgress() {
        desk = uniqueDesk();
        storyId = plannedStory(desk);
    }

    @Test
    void malformedJsonIsRefusedAsMalformedJson() {
        Response response = unchangedAfter(() -> api.as("carla").put(path(storyId, "draft"),
                "{\"title\": \"x\", desk"));

        assertFieldError(response, "body", "MalformedJson");
    }

    @Test
    void aMissingTitleIsNamed() {
        Map<String, Object> content = content("placeholder", desk);
        content.remove("title");

        Response response = unchangedAfter(() -> api.as("carla").put(path(storyId, "draft"), content));

        assertFieldError(response, "title", "NotBlank");
    }

    @Test
    void aTitleOfMoreThan200CharactersIsNamed() {
        Response response = unchangedAfter(() -> api.as("carla").put(path(storyId, "draft"),
                content("t".repeat(201), desk)));

        assertFieldError(response, "title", "Size");
    }

    @Test
    void aTitleOfExactly200CharactersIsAccepted() {
        Response response = ok(api.as("carla").put(path(storyId, "draft"), content("t".repeat(200), desk)));

        assertThat(response.body().path("title").asText()).hasSize(200);
    }

    @Test
    void anUnknownFieldIsNamed() {
        Map<String, Object> content = content("Apprentices", desk);
        content.put("colour", "blue");

        Response response = unchangedAfter(() -> api.as("carla").put(path(storyId, "draft"), content));

        assertFieldError(response, "colour", "UnknownField");
    }

    @Test
    void anUnknownAudienceIsNamedWithTheAllowedValues() {
        Map<String, Object> content = content("Apprentices", desk);
        content.put("audience", "EVERYONE");

        Response response = unchangedAfter(() -> api.as("carla").put(path(storyId, "draft"), content));

        JsonNode error = assertFieldError(response, "audience", "InvalidFormat");
        assertThat(error.path("message").asText()).contains("EVERYONE", "B2B", "B2C", "INTERNAL");
    }

    @Test
    void aSlotThatIsNoInstantIsNamed() {
        Map<String, Object> placement = placement("blog", "corporate-blog", PRESS_SLOT, "Blog text");
        placement.put("slot", "next Tuesday");

        Response response = unchangedAfter(() -> api.as("eddie").post(path(storyId, "placements"), placement));

        assertFieldError(response, "slot", "InvalidFormat");
    }

    @Test
    void aSlotThatHasPassedIsRefusedForPlanningAndMoving() {
        java.time.Instant anHourAgo = java.time.Instant.now().minusSeconds(3600);
        Response planned = unchangedAfter(() -> api.as("eddie").post(path(storyId, "placements"),
                placement("late", "corporate-blog", anHourAgo, "Blog text")));
        assertProblem(planned, 409);
        assertThat(planned.body().path("rule").asText()).isEqualTo("SlotInThePast");

        Response moved = unchangedAfter(() -> api.as("eddie").post(path(storyId, "placements/" + LINKEDIN + "/reschedule"),
                Map.of("slot", anHourAgo.toString())));
        assertProblem(moved, 409);
        assertThat(moved.body().path("rule").asText()).isEqualTo("SlotInThePast");
    }

    @Test
    void anUnknownChannelIsNamed() {
        Response response = unchangedAfter(() -> api.as("eddie").post(path(storyId, "placements"),
                placement("fax", "fax", PRESS_SLOT, "By fax")));

        assertFieldError(response, "channelId", "KnownChannel");
    }

    @Test
    void anUnknownAssigneeIsNamed() {
        Response response = unchangedAfter(() -> api.as("eddie").post(path(storyId, "assign"),
                Map.of("assignee", "nobody")));

        assertFieldError(response, "assignee", "KnownUser");
    }

    @Test
    void anIfMatchThatIsNoVersionIsNamed() {
        Response response = unchangedAfter(() -> api.as("eddie").header("If-Match", "\"yesterday\"")
                .post(path(storyId, "placements/" + LINKEDIN + "/reschedule"), Map.of("slot", PRESS_SLOT.toString())));

        assertFieldError(response, "If-Match", "StoryVersion");
    }

    @Test
    void anUnknownStoryIsNotFound() {
        assertProblem(api.as("victor").get("/api/stories/no-such-story"), 404);
        assertProblem(api.as("victor").get("/api/stories/no-such-story/history"), 404);
        assertProblem(api.as("eddie").post("/api/stories/no-such-story/accept", Map.of()), 404);
    }

    @Test
    void anUnknownPlacementIsNotFound() {
        Response response = unchangedAfter(() -> api.as("eddie")
                .post(path(storyId, "placements/no-such-placement/publish")));

        assertProblem(response, 404);
        assertThat(response.body().path("detail").asText()).contains("no-such-placement");
    }

    @Test
    void aViewerMayNotPitch() {
        Response response = api.as("victor").post("/api/stories", content("Viewer's idea", desk));

        assertProblem(response, 403);
        assertThat(response.body().path("action").asText()).isEqualTo("PITCH");
        assertThat(stories(desk)).hasSize(1);
    }

    @Test
    void aContributorMayNotPublish() {
        Response response = unchangedAfter(() -> api.as("carla")
                .post(path(storyId, "placements/" + PRESS + "/publish")));

        assertProblem(response, 403);
    }

    @Test
    void missingCredentialsAreUnauthorized() {
        Response response = api.anonymous().post("/api/stories", content("Anonymous idea", desk));

        assertProblem(response, 401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
        assertProblem(api.anonymous().get("/api/stories/" + storyId), 401);
        assertThat(stories(desk)).hasSize(1);
    }

    @Test
    void anotherSitesPreflightIsRefusedAsAProblem() {
        Response response = api.as("eddie").header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "POST")
                .send("OPTIONS", "/api/stories", "application/json", null);

        assertProblem(response, 403);
        assertThat(response.body().path("type").asText()).isEqualTo("/problems/cross-origin-refused");
        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void aWrongPasswordIsUnauthorized() {
        Response response = unchangedAfter(() -> api.as("eddie", "not-the-password")
                .post(path(storyId, "placements/" + LINKEDIN + "/cancel"), Map.of("reason", "guess")));

        assertProblem(response, 401);
        assertProblem(api.as("nobody", "newsroom-demo").get("/api/stories"), 401);
    }

    @Test
    void aBrokenRuleNamesTheRule() {
        Response response = unchangedAfter(() -> api.as("eddie").post(path(storyId, "accept"), Map.of()));

        assertProblem(response, 409);
        assertThat(response.body().path("rule").asText()).isEqualTo("InvalidWorkflowTransition");
        assertThat(response.body().path("ruleDescription").asText()).isNotBlank();
    }

    @Test
    void anUnknownStatusInTheQueryIsNamed() {
        Response response = api.as("victor").get("/api/stories?status=SOMEWHERE");

        assertFieldError(response, "status", "InvalidFormat");
    }

    /** Runs a refused request and checks the story (version, content, history) did not change. */
    private Response unchangedAfter(Supplier<Response> request) {
        JsonNode before = story(storyId);
        int historyBefore = history(storyId).size();
        Response response = request.get();
        assertThat(response.status()).as("%s", response).isGreaterThanOrEqualTo(400);
        JsonNode after = story(storyId);
        assertThat(after.path("version").asLong()).isEqualTo(before.path("version").asLong());
        assertThat(after).isEqualTo(before);
        assertThat(history(storyId).size()).isEqualTo(historyBefore);
        return response;
    }

    private JsonNode stories(String desk) {
        return ok(api.as("victor").get("/api/stories?desk=" + desk)).body();
    }

    private static JsonNode assertFieldError(Response response, String field, String rule) {
        assertProblem(response, 400);
        JsonNode errors = response.body().path("errors");
        assertThat(errors.isArray()).as("%s", response).isTrue();
        assertThat(errors.get(0).path("field").asText()).as("%s", response).isEqualTo(field);
        assertThat(errors.get(0).path("rule").asText()).as("%s", response).isEqualTo(rule);
        assertThat(errors.get(0).path("message").asText()).isNotBlank();
        assertThat(response.body().path("detail").asText()).contains(field);
        return errors.get(0);
    }

    private static void assertProblem(Response response, int status) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.contentType()).as("%s", response).startsWith("application/problem+json");
        JsonNode problem = response.body();
        assertThat(problem.path("type").asText()).startsWith("/problems/");
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(problem.has("trace")).isFalse();
        assertThat(problem.has("exception")).isFalse();
        assertThat(response.rawBody())
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContainPattern(CLASS_NAME);
    }
}
