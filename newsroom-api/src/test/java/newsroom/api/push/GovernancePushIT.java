package newsroom.api.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import newsroom.api.ApiClient;
import newsroom.api.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Crisis mode and quiet periods reach every open dashboard over STOMP, at once. */
class GovernancePushIT extends ApiIntegrationTest {

    /** The brief says within a second; the bound is generous for a loaded machine, the figure is printed. */
    private static final Duration WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    private static List<String> types(List<JsonNode> updates) {
        return updates.stream().map(update -> update.path("type").asText()).toList();
    }

    /** A quiet period on the podcast channel far ahead, which holds no other test's placement. */
    private String define(String name) {
        JsonNode defined = api.as("grace").post("/api/blackouts", Map.of("name", name, "channels", List.of("podcast"),
                "from", "2029-08-02T00:00:00Z", "to", "2029-08-03T00:00:00Z", "reason", "rehearsal")).body();
        return defined.path("blackoutId").asText();
    }

    private void lift(String blackoutId) {
        assertThat(api.as("grace").post("/api/blackouts/" + blackoutId + "/lift", Map.of("reason", "not needed"))
                .status()).isEqualTo(200);
    }

    @Test
    void switchingCrisisModeOnAndEndingItIsPushedToEveryReader() throws Exception {
        try (StompTestClient viewer = StompTestClient.connect(port, "victor", ApiClient.DEMO_PASSWORD);
             StompTestClient editor = StompTestClient.connect(port, "eddie", ApiClient.DEMO_PASSWORD)) {
            List<JsonNode> seenByViewer = viewer.subscribe(Topics.GOVERNANCE);
            List<JsonNode> seenByEditor = editor.subscribe(Topics.GOVERNANCE);
            // a subscription is registered asynchronously: wait until a first push arrives at both
            String probe = define("Probe");
            await().atMost(WAIT).until(() -> types(seenByEditor).contains("BlackoutPeriodDefined")
                    && types(seenByViewer).contains("BlackoutPeriodDefined"));
            lift(probe);

            long before = System.nanoTime();
            assertThat(api.as("grace").post("/api/crisis", Map.of("reason", "Plant incident")).status()).isEqualTo(201);
            try {
                await().atMost(WAIT).until(() -> types(seenByEditor).contains("CrisisModeSwitchedOn"));
                System.out.printf("crisis push reached the editor %d ms after the switch was sent%n",
                        (System.nanoTime() - before) / 1_000_000);
                await().atMost(WAIT).until(() -> types(seenByViewer).contains("CrisisModeSwitchedOn"));
                JsonNode on = seenByEditor.stream().filter(u -> u.path("type").asText().equals("CrisisModeSwitchedOn"))
                        .findFirst().orElseThrow();
                assertThat(on.path("by").asText()).isEqualTo("grace");
                assertThat(on.path("event").path("reason").asText()).isEqualTo("Plant incident");
                assertThat(on.path("position").asLong()).isPositive();
            } finally {
                assertThat(api.as("lena").post("/api/crisis/end", Map.of("reason", "over")).status()).isEqualTo(200);
            }
            await().atMost(WAIT).until(() -> types(seenByViewer).contains("CrisisModeEnded"));
            assertThat(viewer.errors).isEmpty();
        }
    }

    @Test
    void liftingAQuietPeriodIsPushed() throws Exception {
        try (StompTestClient viewer = StompTestClient.connect(port, "victor", ApiClient.DEMO_PASSWORD)) {
            List<JsonNode> seen = viewer.subscribe(Topics.GOVERNANCE);
            await().atMost(WAIT).untilAsserted(() -> {
                String probe = define("Probe");
                lift(probe);
                assertThat(types(seen)).contains("BlackoutPeriodDefined");
            });
            String blackoutId = define("Pushed");
            lift(blackoutId);
            await().atMost(WAIT).untilAsserted(() -> assertThat(seen.stream()
                    .filter(update -> update.path("type").asText().equals("BlackoutPeriodLifted"))
                    .map(update -> update.path("event").path("blackoutId").asText()))
                    .contains(blackoutId));
        }
    }
}
