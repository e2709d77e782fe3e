package newsroom.api.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import newsroom.api.ApiClient.Response;
import newsroom.api.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

/** Campaigns: defined by editors and leads, listed for everyone at once, periods checked. */
class CampaignIT extends ApiIntegrationTest {

    @Test
    void aDefinedCampaignIsListedAsSoonAsTheAnswerArrives() {
        Map<String, Object> campaign = Map.of("name", "Employer branding 2027", "goal", "Hire 200 apprentices",
                "kpi", "applications per month", "startsOn", "2027-01-01", "endsOn", "2027-12-31");
        ok(api.as("eddie").put("/api/campaigns/employer-branding-2027", campaign));

        JsonNode all = ok(api.as("victor").get("/api/campaigns")).body();
        assertThat(all.findValuesAsText("campaignId")).contains("employer-branding-2027");
        JsonNode one = ok(api.as("victor").get("/api/campaigns/employer-branding-2027")).body();
        assertThat(one.path("kpi").asText()).isEqualTo("applications per month");
        assertThat(one.path("definedBy").asText()).isEqualTo("eddie");
    }

    @Test
    void campaignRulesAreEnforced() {
        Map<String, Object> backwards = Map.of("name", "Backwards", "startsOn", "2027-12-31", "endsOn", "2027-01-01");
        Response invalid = api.as("grace").put("/api/campaigns/backwards", backwards);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().path("errors").get(0).path("field").asText()).isEqualTo("endsOn");

        assertThat(api.as("carla").put("/api/campaigns/mine", Map.of("name", "Mine")).status()).isEqualTo(403);
        Response badId = api.as("eddie").put("/api/campaigns/Not%20An%20Id", Map.of("name", "x"));
        assertThat(badId.status()).isEqualTo(400);
        assertThat(api.as("victor").get("/api/campaigns/unknown-campaign").status()).isEqualTo(404);
        assertThat(api.as("eddie").put("/api/campaigns/no-name", Map.of("goal", "x")).body()
                .path("errors").findValuesAsText("field")).isEqualTo(List.of("name"));
    }
}
