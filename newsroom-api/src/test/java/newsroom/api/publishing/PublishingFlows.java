package newsroom.api.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import newsroom.api.ApiClient;

/** The steps the publishing tests and the benchmark repeat: connectors, approved stories, reading placements. */
final class PublishingFlows {

    static final String SECRET = "a-shared-secret-of-the-newsletter-tool";

    private final ApiClient api;

    PublishingFlows(ApiClient api) {
        this.api = api;
    }

    /** Fast retries for tests: attempts a few hundred milliseconds apart. */
    static Map<String, Object> quickRetries(Map<String, Object> store) {
        Map<String, Object> properties = new LinkedHashMap<>(store);
        properties.put("newsroom.publishing.poll-interval", "100ms");
        properties.put("newsroom.publishing.initial-backoff", "300ms");
        properties.put("newsroom.publishing.max-backoff", "1s");
        properties.put("newsroom.publishing.max-attempts", "4");
        properties.put("newsroom.publishing.request-timeout", "2s");
        properties.put("newsroom.publishing.connect-timeout", "1s");
        properties.put("logging.level.root", "WARN");
        return properties;
    }

    void connect(String channelId, String url, String missedSlot) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url);
        body.put("secret", SECRET);
        body.put("missedSlot", missedSlot);
        ApiClient.Response set = api.as("ada").put("/api/admin/channels/" + channelId + "/connector", body);
        assertThat(set.status()).as("%s", set).isEqualTo(200);
    }

    /** An approved story with one placement on the channel at the slot; answers the story id. */
    String approvedStory(String channelId, Instant slot) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("title", "Apprentices build the robot cell");
        content.put("angle", "Young talent shapes the factory");
        content.put("body", "Six apprentices, one robot cell.");
        content.put("desk", "desk-" + UUID.randomUUID().toString().substring(0, 8));
        content.put("audience", "B2C");
        content.put("priority", "NORMAL");
        ApiClient.Response pitched = api.as("carla").post("/api/stories", content);
        assertThat(pitched.status()).as("%s", pitched).isEqualTo(201);
        String storyId = pitched.body().path("storyId").asText();
        ok(api.as("eddie").post(path(storyId, "accept"), Map.of("assignee", "carla")));
        ok(api.as("eddie").post(path(storyId, "placements"), Map.of("placementId", "p1", "channelId", channelId,
                "slot", slot.toString(), "text", "Text for " + channelId)));
        ok(api.as("carla").post(path(storyId, "submit")));
        JsonNode approved = ok(api.as("grace").post(path(storyId, "approvals"), Map.of("step", "communications")));
        assertThat(approved.path("status").asText()).isEqualTo("APPROVED");
        return storyId;
    }

    JsonNode publish(String storyId) {
        return ok(api.as("eddie").post(path(storyId, "placements/p1/publish")));
    }

    JsonNode placement(String storyId) {
        return ok(api.as("eddie").get("/api/stories/" + storyId)).path("placements").get(0);
    }

    List<String> eventTypes(String storyId) {
        return ok(api.as("victor").get(path(storyId, "history"))).findValuesAsText("type");
    }

    static String path(String storyId, String command) {
        return "/api/stories/" + storyId + "/" + command;
    }

    static JsonNode ok(ApiClient.Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.body();
    }
}
