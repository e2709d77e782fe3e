package newsroom.api.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import newsroom.api.ApiClient.Caller;
import newsroom.api.ApiClient.Response;
import newsroom.api.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Cutting someone off takes effect at once: disabling the account ends their browser sessions, their API tokens,
 * their calendar feed and their open live connections; changing their roles ends their sessions and live
 * connections; revoking a token ends it and the connections opened with it. The live connections are held open
 * and proven closed, receiving nothing more.
 */
class CutOffIT extends ApiIntegrationTest {

    private static final Duration AT_ONCE = Duration.ofSeconds(20);
    private static final String OWN_PASSWORD = "a long passphrase nobody guesses 7";

    @LocalServerPort
    private int port;

    @Autowired
    private LiveConnections connections;

    private String username;
    private Caller session;

    private void newViewer() {
        username = "cut" + UUID.randomUUID().toString().substring(0, 6);
        Response registered = api.as("ada").post("/api/admin/users",
                Map.of("username", username, "displayName", "Cut Off", "roles", List.of("VIEWER")));
        assertThat(registered.status()).as("%s", registered).isEqualTo(201);
        String oneTime = registered.body().path("oneTimePassword").asText();
        session = api.session(username, oneTime);
        assertThat(session.post("/api/me/password", Map.of("currentPassword", oneTime, "newPassword", OWN_PASSWORD))
                .status()).isEqualTo(204);
    }

    private String token() {
        Response created = session.post("/api/me/tokens", Map.of("name", "script"));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.body().path("token").asText();
    }

    private int version() {
        return ok(api.as("ada").get("/api/admin/users/" + username)).body().path("version").asInt();
    }

    @Test
    void disablingSomebodyEndsTheirSessionsTokensFeedAndLiveConnectionsAtOnce() throws Exception {
        newViewer();
        String token = token();
        String feedUrl = ok(session.get("/api/me/calendar-feed")).body().path("url").asText();
        String feedPath = feedUrl.substring(feedUrl.indexOf("/calendar.ics"));
        assertThat(api.anonymous().header("Accept", "text/calendar").get(feedPath).status()).isEqualTo(200);
        try (StompTestClient bySession = StompTestClient.connectWith(port, session.headers());
             StompTestClient byToken = StompTestClient.connectWith(port, api.bearer(token).headers())) {
            List<JsonNode> board = bySession.subscribe(Topics.BOARD);
            List<JsonNode> boardByToken = byToken.subscribe(Topics.BOARD);
            pitchAndAwait(board, boardByToken);

            ok(api.as("ada").header("If-Match", "\"" + version() + "\"")
                    .post("/api/admin/users/" + username + "/disable", Map.of("reason", "left the company")));

            await().atMost(AT_ONCE).until(() -> !bySession.connected() && !byToken.connected());
            assertThat(session.get("/api/me").status()).isEqualTo(401);
            assertThat(api.bearer(token).get("/api/me").status()).isEqualTo(401);
            assertThat(api.anonymous().header("Accept", "text/calendar").get(feedPath).status()).isEqualTo(401);
            int seen = board.size() + boardByToken.size();
            pitch("carla", content("After the cut-off", uniqueDesk()));
            await().pollDelay(Duration.ofSeconds(1)).atMost(AT_ONCE).until(() -> true);
            assertThat(board.size() + boardByToken.size()).isEqualTo(seen);
        }
    }

    @Test
    void changingSomebodysRolesEndsTheirSessionAndLiveConnectionButNotTheirToken() throws Exception {
        newViewer();
        String token = token();
        try (StompTestClient bySession = StompTestClient.connectWith(port, session.headers())) {
            bySession.subscribe(Topics.BOARD);

            ok(api.as("ada").header("If-Match", "\"" + version() + "\"")
                    .put("/api/admin/users/" + username + "/roles", Map.of("roles", List.of("CONTRIBUTOR"))));

            await().atMost(AT_ONCE).until(() -> !bySession.connected());
            assertThat(session.get("/api/me").status()).isEqualTo(401);
            // a token holds no roles: it acts with the account's roles of the moment
            JsonNode me = ok(api.bearer(token).get("/api/me")).body();
            assertThat(me.path("roles").toString()).contains("CONTRIBUTOR").doesNotContain("VIEWER");
            assertThat(api.session(username, OWN_PASSWORD).get("/api/me").status()).isEqualTo(200);
        }
    }

    @Test
    void revokingATokenClosesTheConnectionsOpenedWithIt() throws Exception {
        newViewer();
        String token = token();
        String tokenId = ok(session.get("/api/me/tokens")).body().get(0).path("id").asText();
        try (StompTestClient byToken = StompTestClient.connectWith(port, api.bearer(token).headers());
             StompTestClient bySession = StompTestClient.connectWith(port, session.headers())) {
            byToken.subscribe(Topics.BOARD);

            assertThat(api.as("ada").delete("/api/admin/users/" + username + "/tokens/" + tokenId).status())
                    .isEqualTo(204);

            await().atMost(AT_ONCE).until(() -> !byToken.connected());
            assertThat(bySession.connected()).isTrue();
        }
    }

    @Test
    void signingOutClosesTheSessionsLiveConnections() throws Exception {
        newViewer();
        try (StompTestClient bySession = StompTestClient.connectWith(port, session.headers())) {
            bySession.subscribe(Topics.BOARD);

            assertThat(session.delete("/api/session").status()).isEqualTo(204);

            await().atMost(AT_ONCE).until(() -> !bySession.connected());
        }
    }

    @Test
    void theHandshakeNeedsASessionOrATokenWhenNoPasswordComesWithConnect() {
        assertThat(StompTestClient.connectFails(port, Map.of("Authorization", "Bearer nrt_not-a-token"))).isTrue();
        assertThat(StompTestClient.connectFails(port, Map.of("Cookie", "NEWSROOM_SESSION=bm90LWEtc2Vzc2lvbg")))
                .isTrue();
    }

    /** Where HTTP Basic is on (demo), CONNECT may sign in with login and passcode; the periodic check knows it. */
    @Test
    void aConnectionSignedInByItsConnectFrameStaysOpenThroughTheCheckAndClosesWhenItsPersonIsDisabled()
            throws Exception {
        newViewer();
        try (StompTestClient byPasscode = StompTestClient.connect(port, username, OWN_PASSWORD)) {
            List<JsonNode> board = byPasscode.subscribe(Topics.BOARD);
            connections.closeThoseSignedOut(); // the check that runs every few seconds, now
            pitchAndAwait(board, board);
            assertThat(byPasscode.connected()).isTrue();

            ok(api.as("ada").header("If-Match", "\"" + version() + "\"")
                    .post("/api/admin/users/" + username + "/disable", Map.of("reason", "left the company")));

            await().atMost(AT_ONCE).until(() -> !byPasscode.connected());
        }
    }

    private void pitchAndAwait(List<JsonNode> first, List<JsonNode> second) {
        pitch("carla", content("Before the cut-off", uniqueDesk()));
        await().atMost(AT_ONCE).until(() -> !first.isEmpty() && !second.isEmpty());
    }
}
