package newsroom.api.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import newsroom.api.ApiClient.Response;
import newsroom.api.ApiIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Commands on one story that race each other: exactly the accepted ones are stored, the others are told to
 * reload (409 with the current version); nothing is lost or overwritten.
 */
class ConcurrencyIT extends ApiIntegrationTest {

    private static final int WRITERS = 8;
    private static final int MAX_ROUNDS = 20;

    private final ExecutorService writers = Executors.newFixedThreadPool(WRITERS);

    @AfterEach
    void stopWriters() {
        writers.shutdownNow();
    }

    @Test
    void concurrentCommandsOnOneStoryAreEachStoredOrRefusedAsAConflict() throws Exception {
        String storyId = plannedStory(uniqueDesk());
        Set<Instant> acceptedSlots = new HashSet<>();
        int conflicts = 0;
        int accepted = 0;
        Instant nextSlot = Instant.parse("2027-06-01T08:00:00Z");

        for (int round = 0; round < MAX_ROUNDS && conflicts == 0; round++) {
            int historyBefore = history(storyId).size();
            long versionBefore = story(storyId).path("version").asLong();
            List<Instant> slots = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                slots.add(nextSlot);
                nextSlot = nextSlot.plus(Duration.ofMinutes(15));
            }

            List<Response> answers = rescheduleAtOnce(storyId, slots);

            int ok = 0;
            for (int i = 0; i < answers.size(); i++) {
                Response answer = answers.get(i);
                assertThat(answer.status()).as("%s", answer).isIn(200, 409);
                if (answer.status() == 200) {
                    ok++;
                    acceptedSlots.add(slots.get(i));
                } else {
                    conflicts++;
                    assertThat(answer.contentType()).startsWith("application/problem+json");
                    assertThat(answer.body().path("type").asText()).isEqualTo("/problems/version-conflict");
                    assertThat(answer.body().path("currentVersion").isIntegralNumber()).as("%s", answer).isTrue();
                    assertThat(answer.body().path("currentVersion").asLong()).isGreaterThan(versionBefore);
                    assertThat(answer.header("ETag"))
                            .isEqualTo("\"" + answer.body().path("currentVersion").asLong() + "\"");
                }
            }
            accepted += ok;
            assertThat(ok).as("at least one writer of round %d wins", round).isGreaterThanOrEqualTo(1);
            assertThat(history(storyId).size() - historyBefore).as("one event per accepted command").isEqualTo(ok);
            assertThat(story(storyId).path("version").asLong()).isEqualTo(versionBefore + ok);
        }

        assertThat(conflicts).as("a conflict within %d rounds of %d writers", MAX_ROUNDS, WRITERS).isPositive();
        List<JsonNode> reschedules = new ArrayList<>();
        history(storyId).forEach(entry -> {
            if (entry.path("type").asText().equals("PlacementRescheduled")) {
                reschedules.add(entry.path("data"));
            }
        });
        assertThat(reschedules).hasSize(accepted);
        assertThat(reschedules).extracting(data -> Instant.parse(data.path("slot").asText()))
                .containsExactlyInAnyOrderElementsOf(acceptedSlots);
        // each stored move starts where the one before it ended: no write was based on a stale story
        Instant previous = LINKEDIN_SLOT;
        for (JsonNode data : reschedules) {
            assertThat(Instant.parse(data.path("previousSlot").asText())).isEqualTo(previous);
            previous = Instant.parse(data.path("slot").asText());
        }
        assertThat(StoryWorkflowIT.placementOf(story(storyId), LINKEDIN).path("slot").asText())
                .isEqualTo(previous.toString());
    }

    @Test
    void aStaleIfMatchIsRefusedWithTheCurrentVersion() {
        String storyId = plannedStory(uniqueDesk());
        Response current = ok(api.as("victor").get("/api/stories/" + storyId));
        long version = current.body().path("version").asLong();
        assertThat(current.header("ETag")).isEqualTo("\"" + version + "\"");

        Response stale = api.as("eddie").header("If-Match", "\"" + (version - 1) + "\"")
                .post(path(storyId, "placements/" + LINKEDIN + "/reschedule"), Map.of("slot", "2027-07-01T10:00:00Z"));

        assertThat(stale.status()).as("%s", stale).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.body().path("currentVersion").asLong()).isEqualTo(version);
        assertThat(stale.body().path("storyId").asText()).isEqualTo(storyId);
        assertThat(stale.header("ETag")).isEqualTo("\"" + version + "\"");
        assertThat(story(storyId)).isEqualTo(current.body());

        Response fresh = ok(api.as("eddie").header("If-Match", current.header("ETag"))
                .post(path(storyId, "placements/" + LINKEDIN + "/reschedule"), Map.of("slot", "2027-07-01T10:00:00Z")));
        assertThat(fresh.header("ETag")).isEqualTo("\"" + (version + 1) + "\"");
        assertThat(StoryWorkflowIT.placementOf(fresh.body(), LINKEDIN).path("slot").asText())
                .isEqualTo("2027-07-01T10:00:00Z");
    }

    /** Sends one reschedule per slot from separate threads, released together by a start gate. */
    private List<Response> rescheduleAtOnce(String storyId, List<Instant> slots) throws Exception {
        CountDownLatch ready = new CountDownLatch(slots.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> pending = new ArrayList<>();
        for (Instant slot : slots) {
            pending.add(writers.submit(() -> {
                ready.countDown();
                start.await();
                return api.as("eddie").post(path(storyId, "placements/" + LINKEDIN + "/reschedule"),
                        Map.of("slot", slot.toString()));
            }));
        }
        assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
        start.countDown();
        List<Response> answers = new ArrayList<>();
        for (Future<Response> answer : pending) {
            answers.add(answer.get(60, TimeUnit.SECONDS));
        }
        return answers;
    }
}
