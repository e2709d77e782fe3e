package newsroom.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import newsroom.api.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole server on a random port with the demo users, over real HTTP. Subclasses add no configuration of
 * their own, so they share one cached Spring context and one store: each test makes its own stories (and
 * desks, to filter lists by) and never assumes an empty store.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("demo")
public abstract class ApiIntegrationTest {

    protected static final String PRESS = "press";
    protected static final String LINKEDIN = "linkedin";
    protected static final Instant PRESS_SLOT = Instant.parse("2027-03-04T09:00:00Z");
    protected static final Instant LINKEDIN_SLOT = Instant.parse("2027-03-04T11:00:00Z");

    @LocalServerPort
    private int port;

    protected ApiClient api;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStore.register(registry);
    }

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    protected static String uniqueDesk() {
        return "desk-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A complete story content, as pitched and as sent with each edit. */
    protected static Map<String, Object> content(String title, String desk) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("title", title);
        content.put("angle", "Young talent shapes the factory of the future");
        content.put("body", "Six apprentices, one robot cell, a livestream from the plant.");
        content.put("desk", desk);
        content.put("audience", "B2C");
        content.put("campaign", "employer-branding-2027");
        content.put("priority", "HIGH");
        return content;
    }

    protected static Map<String, Object> placement(String placementId, String channelId, Instant slot, String text) {
        Map<String, Object> placement = new LinkedHashMap<>();
        placement.put("placementId", placementId);
        placement.put("channelId", channelId);
        placement.put("slot", slot.toString());
        placement.put("text", text);
        return placement;
    }

    protected static Response ok(Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response;
    }

    protected String pitch(String user, Map<String, Object> content) {
        Response pitched = api.as(user).post("/api/stories", content);
        assertThat(pitched.status()).as("%s", pitched).isEqualTo(201);
        return pitched.body().path("storyId").asText();
    }

    /** carla pitches; eddie accepts it for her and plans a press release and a LinkedIn post. */
    protected String plannedStory(String desk) {
        String storyId = pitch("carla", content("Apprentices build the robot cell", desk));
        ok(api.as("eddie").post(path(storyId, "accept"), Map.of("assignee", "carla")));
        ok(api.as("eddie").post(path(storyId, "placements"),
                placement(PRESS, "press-release", PRESS_SLOT, "PRESS RELEASE: apprentices ...")));
        ok(api.as("eddie").post(path(storyId, "placements"),
                placement(LINKEDIN, "linkedin", LINKEDIN_SLOT, "Meet the six apprentices who ...")));
        return storyId;
    }

    /** A planned story that carla submitted for review. */
    protected String inReviewStory(String desk) {
        String storyId = plannedStory(desk);
        ok(api.as("carla").post(path(storyId, "submit")));
        return storyId;
    }

    /** A submitted story that grace (communications) and lena (legal) approved. */
    protected String approvedStory(String desk) {
        String storyId = inReviewStory(desk);
        ok(api.as("grace").post(path(storyId, "approvals"), Map.of("step", "communications")));
        Response approved = ok(api.as("lena").post(path(storyId, "approvals"), Map.of("step", "legal")));
        assertThat(approved.body().path("status").asText()).isEqualTo("APPROVED");
        return storyId;
    }

    protected JsonNode story(String storyId) {
        return ok(api.as("victor").get("/api/stories/" + storyId)).body();
    }

    protected JsonNode history(String storyId) {
        return ok(api.as("victor").get(path(storyId, "history"))).body();
    }

    protected static String path(String storyId, String command) {
        return "/api/stories/" + storyId + "/" + command;
    }
}
