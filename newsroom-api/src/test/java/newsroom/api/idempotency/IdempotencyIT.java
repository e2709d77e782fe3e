package newsroom.api.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import newsroom.api.ApiClient;
import newsroom.api.ApiClient.Response;
import newsroom.api.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

/** A retried command with the same Idempotency-Key gets the first answer and changes nothing. */
class IdempotencyIT extends ApiIntegrationTest {

    private static final String KEY = "Idempotency-Key";
    private static final String REPLAYED = "Idempotency-Replayed";

    @Test
    void aRetriedPublishGetsTheFirstAnswerAndAddsNoEvents() {
        String storyId = approvedStory(uniqueDesk());
        String key = uniqueKey();
        String publish = path(storyId, "placements/" + PRESS + "/publish");

        Response first = ok(api.as("eddie").header(KEY, key).post(publish));
        int historyAfterFirst = history(storyId).size();
        Response retry = api.as("eddie").header(KEY, key).post(publish);

        assertThat(first.header(REPLAYED)).isNull();
        assertThat(retry.status()).isEqualTo(first.status());
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header(REPLAYED)).isEqualTo("true");
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(retry.contentType()).startsWith("application/json");
        assertThat(history(storyId).size()).isEqualTo(historyAfterFirst);
        // without the key, the same request runs again and is refused by the rule
        Response again = api.as("eddie").post(publish);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("rule").asText()).isEqualTo("PlacementAlreadyPublished");
    }

    @Test
    void aRefusalIsReplayedToo() {
        String storyId = inReviewStory(uniqueDesk());
        String key = uniqueKey();
        String publish = path(storyId, "placements/" + PRESS + "/publish");

        Response first = api.as("eddie").header(KEY, key).post(publish);
        Response retry = api.as("eddie").header(KEY, key).post(publish);

        assertThat(first.status()).isEqualTo(409);
        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header(REPLAYED)).isEqualTo("true");
    }

    @Test
    void theSameKeyForADifferentRequestIsRefused() {
        String desk = uniqueDesk();
        String key = uniqueKey();
        Response pitched = api.as("carla").header(KEY, key).post("/api/stories", content("First idea", desk));
        assertThat(pitched.status()).isEqualTo(201);

        Response otherBody = api.as("carla").header(KEY, key).post("/api/stories", content("Second idea", desk));
        String storyId = pitched.body().path("storyId").asText();
        Response otherPath = api.as("carla").header(KEY, key).post(path(storyId, "submit"));

        for (Response refused : new Response[] {otherBody, otherPath}) {
            assertThat(refused.status()).as("%s", refused).isEqualTo(422);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().path("type").asText()).isEqualTo("/problems/idempotency-key-reused");
        }
        assertThat(ok(api.as("victor").get("/api/stories?desk=" + desk)).body()).hasSize(1);
        assertThat(history(storyId)).hasSize(1);
    }

    /**
     * A command refused for a stale version is a finished request: its key replays that 409. Reloading and sending
     * the current version under the same key is another request (422), not a replay of the stale refusal.
     */
    @Test
    void theSameKeyForAnotherVersionIsAnotherRequest() {
        String storyId = plannedStory(uniqueDesk());
        String key = uniqueKey();
        Response stale = api.as("carla").header(KEY, key).header("If-Match", "\"0\"").post(path(storyId, "submit"));
        assertThat(stale.status()).as("%s", stale).isEqualTo(409);
        long current = stale.body().path("currentVersion").asLong();

        Response sameAgain = api.as("carla").header(KEY, key).header("If-Match", "\"0\"").post(path(storyId, "submit"));
        assertThat(sameAgain.header(REPLAYED)).isEqualTo("true");
        Response reloaded = api.as("carla").header(KEY, key).header("If-Match", "\"" + current + "\"")
                .post(path(storyId, "submit"));
        assertThat(reloaded.status()).as("%s", reloaded).isEqualTo(422);
        assertThat(reloaded.body().path("type").asText()).isEqualTo("/problems/idempotency-key-reused");
        assertThat(story(storyId).path("status").asText()).isEqualTo("IN_PROGRESS");

        Response withANewKey = api.as("carla").header(KEY, uniqueKey()).header("If-Match", "\"" + current + "\"")
                .post(path(storyId, "submit"));
        assertThat(withANewKey.status()).as("%s", withANewKey).isEqualTo(200);
    }

    @Test
    void aRetriedPitchCreatesOnlyOneStory() {
        String desk = uniqueDesk();
        String key = uniqueKey();
        String body = asJson(content("Apprentices build the robot cell", desk));

        Response first = api.as("carla").header(KEY, key).post("/api/stories", body);
        Response retry = api.as("carla").header(KEY, key).post("/api/stories", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header(REPLAYED)).isEqualTo("true");
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.body().path("storyId")).isEqualTo(first.body().path("storyId"));
        assertThat(ok(api.as("victor").get("/api/stories?desk=" + desk)).body()).hasSize(1);
        assertThat(history(first.body().path("storyId").asText())).hasSize(1);
    }

    @Test
    void keysBelongToOneUser() {
        String desk = uniqueDesk();
        String key = uniqueKey();
        String body = asJson(content("Same words, two authors", desk));

        Response byCarla = api.as("carla").header(KEY, key).post("/api/stories", body);
        Response byEddie = api.as("eddie").header(KEY, key).post("/api/stories", body);

        assertThat(byCarla.status()).isEqualTo(201);
        assertThat(byEddie.status()).isEqualTo(201);
        assertThat(byEddie.header(REPLAYED)).isNull();
        assertThat(byEddie.body().path("storyId").asText()).isNotEqualTo(byCarla.body().path("storyId").asText());
        assertThat(byEddie.body().path("pitchedBy").asText()).isEqualTo("eddie");
        assertThat(ok(api.as("victor").get("/api/stories?desk=" + desk)).body()).hasSize(2);
    }

    @Test
    void aKeyThatIsNotVisibleAsciiIsRefused() {
        Response response = api.as("carla").header(KEY, "x".repeat(256)).post("/api/stories",
                content("Too long a key", uniqueDesk()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("errors").get(0).path("field").asText()).isEqualTo(KEY);
    }

    @Test
    void answersWithSecretsIgnoreTheKeySoNoSecretIsKeptOrShownTwice() {
        String key = uniqueKey();
        Map<String, Object> token = Map.of("name", "nightly " + key);

        Response firstToken = api.as("eddie").header(KEY, key).post("/api/me/tokens", token);
        Response retriedToken = api.as("eddie").header(KEY, key).post("/api/me/tokens", token);
        Response firstFeed = api.as("eddie").header(KEY, key + "-feed").post("/api/me/calendar-feed/rotate");
        Response retriedFeed = api.as("eddie").header(KEY, key + "-feed").post("/api/me/calendar-feed/rotate");

        for (Response[] pair : List.of(new Response[] {firstToken, retriedToken},
                new Response[] {firstFeed, retriedFeed})) {
            assertThat(pair[0].status()).as("%s", pair[0]).isIn(200, 201);
            assertThat(pair[1].status()).as("%s", pair[1]).isEqualTo(pair[0].status());
            assertThat(pair[1].header(REPLAYED)).isNull();
            assertThat(pair[1].body().path("token").asText()).isNotEqualTo(pair[0].body().path("token").asText());
        }
    }

    @Test
    void aPercentEncodedPathIsTheSameEndpointAndIgnoresTheKeyToo() {
        String username = "enc" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> registration = Map.of("username", username, "roles", List.of("VIEWER"));
        ApiClient.Caller ada = api.as("ada").header(KEY, uniqueKey());

        Response registered = ada.post("/api/admin/%75sers", registration);
        Response retriedRegistration = ada.post("/api/admin/%75sers", registration);
        String reset = "/api/admin/users/" + username + "/password%2Dreset";
        ApiClient.Caller resetting = ada.header(KEY, uniqueKey());
        Response firstReset = resetting.post(reset);
        Response retriedReset = resetting.post(reset);

        assertThat(registered.status()).as("%s", registered).isEqualTo(201);
        assertThat(retriedRegistration.header(REPLAYED)).isNull();
        assertThat(retriedRegistration.status()).as("%s", retriedRegistration).isEqualTo(409);
        assertThat(retriedRegistration.rawBody()).doesNotContain(registered.body().path("oneTimePassword").asText());
        assertThat(firstReset.status()).as("%s", firstReset).isEqualTo(200);
        assertThat(retriedReset.header(REPLAYED)).isNull();
        assertThat(retriedReset.body().path("oneTimePassword").asText())
                .isNotEqualTo(firstReset.body().path("oneTimePassword").asText());
    }

    private static String uniqueKey() {
        return "key-" + UUID.randomUUID();
    }

    private static String asJson(Object body) {
        try {
            return ApiClient.JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
