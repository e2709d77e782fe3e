package newsroom.api.security;

import static newsroom.api.ProblemAssert.assertFieldError;
import static newsroom.api.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import newsroom.api.ApiClient;
import newsroom.api.ApiClient.Caller;
import newsroom.api.ApiClient.Response;
import newsroom.api.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Browser sessions, CSRF, personal API tokens, throttling and the sign-in record, over real HTTP as the dashboard
 * and a script use them.
 */
class SignInIT extends ApiIntegrationTest {

    private static final String OWN_PASSWORD = "a long passphrase nobody guesses 7";

    /** A new person with their own password (the one-time password replaced in a session, which goes on). */
    private Caller newPersonInSession(String username, String role) {
        Response registered = api.as("ada").post("/api/admin/users",
                Map.of("username", username, "displayName", "Sam Session", "roles", List.of(role)));
        assertThat(registered.status()).as("%s", registered).isEqualTo(201);
        String oneTime = registered.body().path("oneTimePassword").asText();
        Caller session = api.session(username, oneTime);
        assertThat(session.post("/api/me/password", Map.of("currentPassword", oneTime, "newPassword", OWN_PASSWORD))
                .status()).isEqualTo(204);
        return session;
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void theOptionsSayHowToSignInAndHandOutTheCsrfCookie() {
        Response options = ok(api.anonymous().get("/api/session/options"));

        assertThat(options.body().path("password").asBoolean()).isTrue();
        assertThat(options.body().path("sso").isMissingNode() || options.body().path("sso").isNull()).isTrue();
        assertThat(ApiClient.cookie(options, ApiClient.CSRF_COOKIE)).isNotBlank();
        assertThat(ApiClient.setCookie(options, ApiClient.CSRF_COOKIE)).doesNotContainIgnoringCase("HttpOnly");
    }

    @Test
    void signingInAnswersWhoIAmAndStartsAnHttpOnlySameSiteSession() {
        Response signedIn = api.signIn("eddie", ApiClient.DEMO_PASSWORD);

        assertThat(signedIn.status()).as("%s", signedIn).isEqualTo(200);
        assertThat(signedIn.body().path("username").asText()).isEqualTo("eddie");
        assertThat(signedIn.body().path("actions").toString()).contains("PLAN_PLACEMENT");
        String cookie = ApiClient.setCookie(signedIn, ApiClient.SESSION_COOKIE);
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(cookie).doesNotContainIgnoringCase("Secure"); // only when configured (served over HTTPS)
        Caller session = api.inSession(signedIn);
        assertThat(ok(session.get("/api/me")).body().path("username").asText()).isEqualTo("eddie");
        assertThat(pitchIn(session).status()).isEqualTo(201);
    }

    @Test
    void aWrongPasswordAnUnknownNameAndADisabledAccountFailAlike() {
        String disabled = unique("gone");
        newPersonInSession(disabled, "VIEWER");
        ok(api.as("ada").post("/api/admin/users/" + disabled + "/disable", Map.of("reason", "left")));

        for (Response failed : List.of(api.signIn("eddie", "not-his-password"),
                api.signIn(unique("nobody"), "whatever-it-is"), api.signIn(disabled, OWN_PASSWORD))) {
            assertThat(failed.status()).as("%s", failed).isEqualTo(401);
            JsonNode problem = assertProblem(failed, 401);
            assertThat(problem.path("type").asText()).isEqualTo("/problems/sign-in-failed");
            assertThat(problem.path("detail").asText()).isEqualTo("The username or password is not right.");
            assertThat(ApiClient.cookie(failed, ApiClient.SESSION_COOKIE)).isNull();
        }
    }

    @Test
    void aSignInWithoutTheCsrfTokenIsRefused() {
        Response refused = api.anonymous().post("/api/session",
                Map.of("username", "eddie", "password", ApiClient.DEMO_PASSWORD));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(assertProblem(refused, 403).path("type").asText()).isEqualTo("/problems/csrf-token-invalid");
    }

    @Test
    void aChangeInASessionNeedsTheCsrfHeaderAndReadsDoNot() {
        Caller session = api.session("eddie");

        Response forged = pitchIn(session.without(ApiClient.CSRF_HEADER));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(assertProblem(forged, 403).path("type").asText()).isEqualTo("/problems/csrf-token-invalid");
        Response wrongToken = pitchIn(session.header(ApiClient.CSRF_HEADER, "not-the-token"));
        assertThat(wrongToken.status()).isEqualTo(403);

        ok(session.without(ApiClient.CSRF_HEADER).get("/api/me"));
        assertThat(pitchIn(session).status()).isEqualTo(201);
    }

    @Test
    void signingOutEndsTheSessionAndEverySignInIsRecorded() {
        String username = unique("rec");
        Caller session = newPersonInSession(username, "VIEWER");
        api.signIn(username, "wrong password here");

        assertThat(session.delete("/api/session").status()).isEqualTo(204);

        Response afterwards = session.get("/api/me");
        assertThat(afterwards.status()).isEqualTo(401);
        assertThat(assertProblem(afterwards, 401).path("type").asText()).isEqualTo("/problems/authentication-required");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode record = ok(api.as("otto").get("/api/admin/sign-ins?username=" + username)).body();
            assertThat(record.findValuesAsText("kind")).contains("SIGNED_IN", "SIGNED_OUT", "SIGN_IN_FAILED");
            assertThat(record.findValuesAsText("method")).contains("PASSWORD");
            assertThat(record.findValuesAsText("address")).allMatch(address -> !address.isBlank());
            assertThat(record.toString()).doesNotContain(OWN_PASSWORD).doesNotContain("wrong password here");
        });
        assertThat(api.as("eddie").get("/api/admin/sign-ins").status()).isEqualTo(403);
    }

    /** A shared computer: the next person signs in without signing the last one out. */
    @Test
    void signingInAsSomeoneElseEndsTheSessionTheBrowserHeld() {
        Caller carla = api.session("carla");
        assertThat(ok(carla.get("/api/me")).body().path("username").asText()).isEqualTo("carla");

        Response asEddie = carla.post("/api/session", Map.of("username", "eddie", "password", ApiClient.DEMO_PASSWORD));
        assertThat(asEddie.status()).as("%s", asEddie).isEqualTo(200);

        assertThat(ok(api.inSession(asEddie).get("/api/me")).body().path("username").asText()).isEqualTo("eddie");
        assertThat(carla.get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void theAccountsOwnPasswordChangeKeepsThisSessionAndEndsTheOthers() {
        String username = unique("pw");
        Caller first = newPersonInSession(username, "VIEWER");
        Caller second = api.session(username, OWN_PASSWORD);

        assertThat(first.post("/api/me/password", Map.of("currentPassword", OWN_PASSWORD,
                "newPassword", OWN_PASSWORD + " and more")).status()).isEqualTo(204);

        ok(first.get("/api/me"));
        assertThat(second.get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void repeatedFailuresAreThrottledPerUsernameEvenForTheRightPassword() {
        String username = unique("slow");
        newPersonInSession(username, "VIEWER");
        for (int attempt = 0; attempt < 10; attempt++) {
            assertThat(api.signIn(username, "guess number " + attempt).status()).isEqualTo(401);
        }

        Response throttled = api.signIn(username.toUpperCase(), OWN_PASSWORD);

        assertThat(throttled.status()).as("%s", throttled).isEqualTo(429);
        JsonNode problem = assertProblem(throttled, 429);
        assertThat(problem.path("type").asText()).isEqualTo("/problems/too-many-sign-in-attempts");
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 15 * 60L);
        assertThat(problem.path("retryAfterSeconds").asLong()).isEqualTo(Long.parseLong(throttled.header("Retry-After")));
        assertThat(api.signIn(username, OWN_PASSWORD).status()).isEqualTo(429);
        ok(api.session("eddie").get("/api/me")); // another username from the same address goes on
    }

    @Test
    void aRememberedBasicSignInIsThrottledToo() {
        String username = unique("basic");
        newPersonInSession(username, "VIEWER");
        ok(api.as(username, OWN_PASSWORD).get("/api/me")); // remembered from here on
        for (int attempt = 0; attempt < 10; attempt++) {
            assertThat(api.as(username, "guess number " + attempt).get("/api/me").status()).isEqualTo(401);
        }

        Response throttled = api.as(username, OWN_PASSWORD).get("/api/me");

        assertThat(throttled.status()).as("%s", throttled).isEqualTo(429);
        assertThat(assertProblem(throttled, 429).path("type").asText()).isEqualTo("/problems/too-many-sign-in-attempts");
    }

    @Test
    void aPersonalTokenIsShownOnceStoredHashedAndSignsScriptsInWithoutCsrf() {
        Caller session = api.session("eddie");
        Response created = session.post("/api/me/tokens", Map.of("name", "nightly export"));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String token = created.body().path("token").asText();
        String id = created.body().path("id").asText();
        assertThat(token).startsWith("nrt_").hasSizeGreaterThan(40);
        Instant expires = Instant.parse(created.body().path("expiresAt").asText());
        assertThat(expires).isBetween(Instant.now().plus(Duration.ofDays(89)), Instant.now().plus(Duration.ofDays(91)));

        JsonNode listed = ok(session.get("/api/me/tokens")).body();
        assertThat(listed.findValuesAsText("id")).contains(id);
        assertThat(listed.toString()).doesNotContain(token);

        Caller script = api.bearer(token);
        assertThat(ok(script.get("/api/me")).body().path("username").asText()).isEqualTo("eddie");
        assertThat(pitchIn(script).status()).isEqualTo(201);
        assertThat(ok(api.as("otto").get("/api/admin/users/eddie/tokens")).body().toString()).contains(id)
                .doesNotContain(token);

        assertThat(session.delete("/api/me/tokens/" + id).status()).isEqualTo(204);
        Response revoked = script.get("/api/me");
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(assertProblem(revoked, 401).path("type").asText()).isEqualTo("/problems/invalid-api-token");
        assertThat(ok(session.get("/api/me/tokens")).body().findValuesAsText("id")).doesNotContain(id);
    }

    @Test
    void aTokenCannotMakeMoreTokensSoRevokingItEndsTheAccess() {
        Caller session = api.session("grace");
        String token = session.post("/api/me/tokens", Map.of("name", "leaky")).body().path("token").asText();
        int owned = ok(session.get("/api/me/tokens")).body().size();

        Response refused = api.bearer(token).post("/api/me/tokens", Map.of("name", "made by a token"));

        assertThat(refused.status()).as("%s", refused).isEqualTo(403);
        assertThat(assertProblem(refused, 403).path("type").asText()).isEqualTo("/problems/api-token-not-allowed");
        assertThat(ok(session.get("/api/me/tokens")).body()).hasSize(owned);
        assertThat(api.as("grace").post("/api/me/tokens", Map.of("name", "with a password")).status()).isEqualTo(201);
    }

    @Test
    void tokenRulesAreAnsweredNamingTheField() {
        Caller session = api.session("victor");

        assertFieldError(session.post("/api/me/tokens", Map.of("name", " ")), "name", "TokenNameFormat");
        assertFieldError(session.post("/api/me/tokens", Map.of("name", "old", "expiresAt", "2020-01-01T00:00:00Z")),
                "expiresAt", "TokenExpiryInThePast");
        assertFieldError(session.post("/api/me/tokens", Map.of("name", "forever",
                "expiresAt", Instant.now().plus(Duration.ofDays(400)).toString())), "expiresAt", "TokenLifetimeTooLong");
        assertThat(api.bearer("nrt_made-up").get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void somebodyElsesTokenIsNotFoundAndOnlyAnAdminRevokesIt() {
        String id = api.session("grace").post("/api/me/tokens", Map.of("name", "grace's")).body().path("id").asText();

        assertThat(api.session("eddie").delete("/api/me/tokens/" + id).status()).isEqualTo(404);
        assertThat(api.as("otto").delete("/api/admin/users/grace/tokens/" + id).status()).isEqualTo(403);
        assertThat(api.as("ada").delete("/api/admin/users/grace/tokens/" + id).status()).isEqualTo(204);
        assertThat(ok(api.as("ada").get("/api/admin/users/grace/tokens")).body().toString()).contains("\"revoked\":true");
    }

    private Response pitchIn(Caller caller) {
        return caller.post("/api/stories", content("Signed in", uniqueDesk()));
    }
}
