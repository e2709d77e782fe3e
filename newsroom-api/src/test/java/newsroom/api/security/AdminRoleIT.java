package newsroom.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import newsroom.api.ApiClient.Response;
import newsroom.api.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * ADMIN is operations, not editorial work: domain, API and {@code GET /api/me} say the same. Someone who
 * does both holds both roles.
 */
class AdminRoleIT extends ApiIntegrationTest {

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    @Test
    void anAdminMayReadAndManageChannelsPoliciesProjectionsAndUsersAndNothingElse() {
        JsonNode me = ok(api.as("ada").get("/api/me")).body();

        assertThat(texts(me.path("actions"))).containsExactly("MANAGE_CHANNELS", "MANAGE_APPROVAL_POLICIES",
                "MANAGE_PROJECTIONS", "MANAGE_CONNECTORS", "MANAGE_USERS", "READ_AUDIT_TRAIL", "READ");
        assertThat(ok(api.as("ada").get("/api/admin/projections")).body().path("projections").isArray()).isTrue();
        assertThat(api.as("eddie").get("/api/admin/projections").status()).isEqualTo(403);
    }

    @Test
    void anAdminIsRefusedEditorialWorkWithTheActionNamed() {
        String storyId = inReviewStory(uniqueDesk());
        long version = story(storyId).path("version").asLong();

        assertForbidden(api.as("ada").post("/api/stories", content("Ops news", uniqueDesk())), "PITCH");
        assertForbidden(api.as("ada").put(path(storyId, "draft"), content("Ops rewrite", "ops")), "EDIT_DRAFT");
        assertForbidden(api.as("ada").post(path(storyId, "approvals"), Map.of("step", "legal")), "APPROVE");
        assertForbidden(api.as("ada").post(path(storyId, "placements/" + PRESS + "/publish")), "PUBLISH_PLACEMENT");
        assertForbidden(api.as("ada").post(path(storyId, "comments"), Map.of("text", "hello")), "COMMENT");

        assertThat(story(storyId).path("version").asLong()).isEqualTo(version);
        assertThat(texts(ok(api.as("ada").get("/api/stories/" + storyId)).body().path("allowedActions"))).isEmpty();
    }

    @Test
    void someoneWhoEditsAndApprovesHoldsBothRoles() {
        JsonNode me = ok(api.as("nora").get("/api/me")).body();

        assertThat(texts(me.path("roles"))).containsExactlyInAnyOrder("EDITOR", "GOVERNANCE_LEAD");
        assertThat(texts(me.path("actions"))).contains("EDIT_DRAFT", "PUBLISH_PLACEMENT", "APPROVE")
                .doesNotContain("MANAGE_PROJECTIONS");
    }

    private static void assertForbidden(Response response, String action) {
        assertThat(response.status()).as("%s", response).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("action").asText()).isEqualTo(action);
    }
}
