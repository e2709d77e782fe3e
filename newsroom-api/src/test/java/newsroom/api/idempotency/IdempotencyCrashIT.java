package newsroom.api.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import newsroom.api.ApiClient;
import newsroom.api.ApiClient.Response;
import newsroom.api.ServerProcess;
import newsroom.api.TestStore;
import org.junit.jupiter.api.Test;

/**
 * An answer the server gave is the answer to its retry, even when the server was killed ({@code kill -9})
 * right after giving it: the answer and the events behind it were on disk before they were sent. Runs the
 * packaged server as a separate process on the embedded store.
 */
class IdempotencyCrashIT {

    private static final Duration START = Duration.ofMinutes(2);

    @Test
    void anAnswerGivenRightBeforeACrashIsReplayedToTheRetry() throws Exception {
        Path dataDir = Files.createDirectories(TestStore.freshDataDir().resolve("data"));
        Map<String, Response> answers = new LinkedHashMap<>();
        String storyId;
        try (ServerProcess server = ServerProcess.start(dataDir)) {
            server.awaitReady(START);
            ApiClient api = new ApiClient(server.baseUrl());
            Response pitched = api.as("carla").header("Idempotency-Key", "pitch-1").post("/api/stories",
                    Map.of("title", "Apprentices build the robot cell", "desk", "HR"));
            assertThat(pitched.status()).as("%s", pitched).isEqualTo(201);
            answers.put("pitch-1", pitched);
            storyId = pitched.body().path("storyId").asText();
            Response accepted = api.as("eddie").header("Idempotency-Key", "accept-1")
                    .post("/api/stories/" + storyId + "/accept", Map.of("assignee", "carla"));
            assertThat(accepted.status()).as("%s", accepted).isEqualTo(200);
            answers.put("accept-1", accepted);

            // a fresh store's read models are built with the current layouts: nothing is emptied for a rebuild
            assertThat(server.output()).doesNotContain("Rebuilding read model");
            server.kill(); // at once: nothing after the answer gets a chance to be written
        }

        try (ServerProcess restarted = ServerProcess.start(dataDir)) {
            restarted.awaitReady(START);
            ApiClient api = new ApiClient(restarted.baseUrl());
            Response pitchRetry = api.as("carla").header("Idempotency-Key", "pitch-1").post("/api/stories",
                    Map.of("title", "Apprentices build the robot cell", "desk", "HR"));
            Response acceptRetry = api.as("eddie").header("Idempotency-Key", "accept-1")
                    .post("/api/stories/" + storyId + "/accept", Map.of("assignee", "carla"));

            for (Map.Entry<String, Response> retry : Map.of("pitch-1", pitchRetry, "accept-1", acceptRetry).entrySet()) {
                Response first = answers.get(retry.getKey());
                assertThat(retry.getValue().status()).as("%s", retry.getValue()).isEqualTo(first.status());
                assertThat(retry.getValue().header("Idempotency-Replayed")).isEqualTo("true");
                assertThat(retry.getValue().body()).isEqualTo(first.body());
                assertThat(retry.getValue().header("ETag")).isEqualTo(first.header("ETag"));
            }
            // the story is as the last answer said, with nothing added by the retries (its read model may
            // still be catching up from the events after the crash, within moments: the projections' claims of
            // the dead process are released at the start, not waited out)
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                Response story = api.as("victor").get("/api/stories/" + storyId);
                assertThat(story.body().path("version").asLong()).isEqualTo(1);
                assertThat(story.body().path("assignee").asText()).isEqualTo("carla");
            });
            assertThat(api.as("victor").get("/api/stories/" + storyId + "/history").body()).hasSize(2);
        }
    }
}
