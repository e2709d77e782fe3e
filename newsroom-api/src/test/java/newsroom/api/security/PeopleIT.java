package newsroom.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import newsroom.api.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

/** Who am I, what may I do, and who else is there — never with a password hash. */
class PeopleIT extends ApiIntegrationTest {

    @Test
    void meListsMyRolesAndTheActionsTheyAllow() {
        JsonNode me = ok(api.as("grace").get("/api/me")).body();

        assertThat(me.path("username").asText()).isEqualTo("grace");
        assertThat(me.path("displayName").asText()).contains("head of communications");
        assertThat(me.path("roles").toString()).isEqualTo("[\"GOVERNANCE_LEAD\"]");
        assertThat(me.path("actions").toString()).contains("\"APPROVE\"", "\"DEFINE_BLACKOUT\"")
                .doesNotContain("\"PUBLISH_PLACEMENT\"");
        // the newsroom's zone, in which the dashboard shows and reads times (newsroom.calendar.time-zone)
        assertThat(me.path("timeZone").asText()).isEqualTo("UTC");
    }

    @Test
    void usersAreListedWithoutSecrets() {
        JsonNode users = ok(api.as("victor").get("/api/users")).body();

        assertThat(users.findValuesAsText("username")).contains("carla", "eddie", "grace", "lena", "ada", "victor");
        assertThat(users.toString()).doesNotContain("$2a$").doesNotContainIgnoringCase("password");
        assertThat(api.anonymous().get("/api/users").status()).isEqualTo(401);
    }
}
