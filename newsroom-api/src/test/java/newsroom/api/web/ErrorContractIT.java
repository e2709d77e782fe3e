package newsroom.api.web;

import static newsroom.api.ProblemAssert.assertFieldError;
import static newsroom.api.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import newsroom.api.ApiClient.Response;
import newsroom.api.ApiIntegrationTest;
import newsroom.api.RawHttp;
import newsroom.api.RawHttp.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every answer that is not 2xx is problem+json of one shape, whichever layer gives it: Tomcat before any
 * application code, Spring Security's firewall and authentication, Spring MVC, the servlet error page, and
 * Newsroom itself. Raw requests go over a socket so that nothing normalises them on the way.
 */
class ErrorContractIT extends ApiIntegrationTest {

    @LocalServerPort
    private int port;

    private RawHttp raw;

    @BeforeEach
    void rawClient() {
        raw = new RawHttp(port);
    }

    private static String rule(JsonNode problem) {
        return problem.path("errors").get(0).path("rule").asText();
    }

    // Tomcat: refused before any application code runs

    @Test
    void anEncodedSlashInThePathIsRefusedAsProblemJson() {
        JsonNode problem = assertProblem(raw.send("GET /api/stories/a%2Fb HTTP/1.1", RawHttp.basic("victor")), 400);

        assertThat(rule(problem)).isEqualTo("DisallowedPath");
        assertThat(problem.path("instance").asText()).isEqualTo("/api/stories/a%2Fb");
    }

    @Test
    void unencodedBracketsInTheQueryAreRefusedAsProblemJsonSayingHowToEncodeThem() {
        // a target Tomcat cannot parse names no path, so the problem has no instance
        JsonNode problem = assertProblem(raw.send("GET /api/stories?a[b]=1 HTTP/1.1", RawHttp.basic("victor")),
                400, false);

        assertThat(rule(problem)).isEqualTo("UnencodedCharacter");
        assertThat(problem.path("detail").asText()).contains("%5B", "%5D");
        assertThat(rule(assertProblem(raw.send("GET /api/calendar?channel[]=blog HTTP/1.1"), 400, false)))
                .isEqualTo("UnencodedCharacter");
    }

    @Test
    void headersOf80KilobytesAreRefusedAsTooLarge() {
        Answer answer = raw.send("GET /api/stories HTTP/1.1", RawHttp.basic("victor"),
                "X-Padding: " + "a".repeat(80 * 1024));

        JsonNode problem = assertProblem(answer, 400);
        assertThat(rule(problem)).isEqualTo("HeadersTooLarge");
        assertThat(problem.path("detail").asText()).contains("KB");
    }

    @Test
    void aRequestLineLongerThanTheHeaderLimitIsRefusedAsTooLarge() {
        Answer answer = raw.send("GET /api/stories?desk=" + "d".repeat(20_000) + " HTTP/1.1");

        assertThat(rule(assertProblem(answer, 400, false))).isEqualTo("HeadersTooLarge");
    }

    @Test
    void aMalformedHeaderLineIsRefusedAsProblemJson() {
        Answer answer = raw.send("GET /api/stories HTTP/1.1", "Not A Header Line");

        assertThat(rule(assertProblem(answer, 400, false))).isEqualTo("MalformedRequest");
    }

    @Test
    void anUnsupportedHttpVersionIsRefusedAsProblemJson() {
        JsonNode problem = assertProblem(raw.send("GET /api/stories HTTP/9.9"), 505);

        assertThat(problem.path("type").asText()).isEqualTo("/problems/http-error");
    }

    // Spring Security: the firewall, sign-in and roles

    @Test
    void aDotDotSegmentIsRefusedByTheFirewallAsProblemJson() {
        JsonNode problem = assertProblem(raw.send("GET /api/../api/stories HTTP/1.1", RawHttp.basic("victor")),
                400);

        assertThat(rule(problem)).isEqualTo("DisallowedPath");
        assertThat(problem.path("instance").asText()).isEqualTo("/api/../api/stories");
    }

    @Test
    void aSemicolonAndADoubleSlashAreRefusedByTheFirewallAsProblemJson() {
        assertThat(rule(assertProblem(raw.send("GET /api/stories;jsessionid=1 HTTP/1.1", RawHttp.basic("victor")),
                400))).isEqualTo("DisallowedPath");
        assertThat(rule(assertProblem(raw.send("GET /api//stories HTTP/1.1", RawHttp.basic("victor")), 400)))
                .isEqualTo("DisallowedPath");
    }

    @Test
    void anUnknownMethodIsRefusedWith405() {
        JsonNode problem = assertProblem(raw.send("BREW /api/stories HTTP/1.1", RawHttp.basic("eddie")), 405);

        assertThat(problem.path("type").asText()).isEqualTo("/problems/method-not-allowed");
        assertThat(problem.path("detail").asText()).contains("BREW");
    }

    @Test
    void traceIsRefusedWith405ForThePathThatWasAskedFor() {
        JsonNode problem = assertProblem(raw.send("TRACE /api/stories HTTP/1.1", RawHttp.basic("eddie")), 405);

        assertThat(problem.path("instance").asText()).isEqualTo("/api/stories");
    }

    @Test
    void missingOrWrongCredentialsAre401() {
        Response anonymous = api.anonymous().get("/api/board");
        assertProblem(anonymous, 401);
        assertThat(anonymous.body().path("type").asText()).isEqualTo("/problems/authentication-required");
        assertProblem(api.as("eddie", "wrong").get("/api/board"), 401);
        // an unknown path is not revealed to someone who is not signed in
        assertProblem(api.anonymous().get("/api/no-such-thing"), 401);
    }

    @Test
    void aRoleThatMayNotActIs403() {
        Response refused = api.as("victor").post("/api/stories", content("Viewer idea", uniqueDesk()));

        assertProblem(refused, 403);
        assertThat(refused.body().path("type").asText()).isEqualTo("/problems/forbidden");
    }

    // Spring MVC: paths, methods, media types, parameters

    @Test
    void unknownPathsAndStaticFilesAre404() {
        for (String path : new String[] {"/api/no-such-thing", "/assets/no-such-file.js", "/actuator/no-such"}) {
            Response missing = api.as("victor").get(path);
            JsonNode problem = assertProblem(missing, 404);
            assertThat(problem.path("type").asText()).isEqualTo("/problems/not-found");
            assertThat(problem.path("detail").asText()).contains(path);
        }
    }

    @Test
    void aMethodThePathDoesNotTakeIs405NamingTheAllowedOnes() {
        Response refused = api.as("eddie").delete("/api/stories");

        assertProblem(refused, 405);
        assertThat(refused.header("Allow")).contains("GET", "POST");
        assertThat(refused.body().path("detail").asText()).contains("GET", "POST");
    }

    @Test
    void anAcceptHeaderThatRulesOutJsonIs406NeverA500() {
        for (String accept : new String[] {"text/html", "application/xml", "application/yaml", "image/png"}) {
            Response refused = api.as("victor").header("Accept", accept).get("/api/board");
            assertProblem(refused, 406);
            assertThat(refused.body().path("type").asText()).isEqualTo("/problems/not-acceptable");
        }
        assertProblem(api.as("victor").header("Accept", "application/xml").get("/actuator/health"), 406);
    }

    @Test
    void aCommandWithAnAcceptHeaderThatRulesOutJsonIsRefusedBeforeItChangesAnything() {
        String desk = uniqueDesk();

        Response refused = api.as("carla").header("Accept", "text/html").post("/api/stories",
                content("Never pitched", desk));

        assertProblem(refused, 406);
        assertThat(ok(api.as("victor").get("/api/stories?desk=" + desk)).body()).isEmpty();
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        Response refused = api.as("carla").send("POST", "/api/stories", "text/plain", "a story");

        assertProblem(refused, 415);
        assertThat(refused.body().path("type").asText()).isEqualTo("/problems/unsupported-media-type");
        // a Content-Type that is no media type at all is the same mistake, not a server failure
        for (String notAMediaType : new String[] {"application/*", "*/*", "json"}) {
            Response wildcard = api.as("carla").send("POST", "/api/stories", notAMediaType, "{}");
            assertProblem(wildcard, 415);
            assertThat(wildcard.body().path("detail").asText()).contains(notAMediaType);
        }
    }

    @Test
    void aBodyThatIsNotUtf8IsRefusedNamingTheField() {
        String body = "{\"title\": \"\u00ff\u00fe\", \"desk\": \"d\"}"; // sent as ISO-8859-1: not UTF-8
        Answer answer = raw.sendRaw("POST /api/stories HTTP/1.1\r\nHost: localhost\r\n" + RawHttp.basic("carla")
                + "Content-Type: application/json\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);

        JsonNode error = assertProblem(answer, 400).path("errors").get(0);
        assertThat(error.path("field").asText()).isEqualTo("title");
        assertThat(error.path("rule").asText()).isEqualTo("MalformedJson");
        assertThat(error.path("message").asText()).contains("UTF-8");
    }

    @Test
    void aMissingQueryParameterIs400NamingIt() {
        Response refused = api.as("victor").get("/api/calendar/collisions?to=2027-03-08T00:00:00Z");

        JsonNode error = assertFieldError(refused, "from", "Required");
        assertThat(error.path("message").asText()).contains("ISO-8601");
    }

    @Test
    void exportsAnswerWhateverTheAcceptHeaderSays() {
        Response csv = api.as("victor").header("Accept", "application/json")
                .get("/api/calendar/export.csv?from=2027-03-01T00:00:00Z&to=2027-03-08T00:00:00Z");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");

        URI feed = URI.create(ok(api.as("victor").get("/api/me/calendar-feed")).body().path("url").asText());
        Response ics = api.anonymous().header("Accept", "application/json")
                .get(feed.getPath() + "?" + feed.getQuery());
        assertThat(ics.status()).isEqualTo(200);
        assertThat(ics.contentType()).startsWith("text/calendar");
    }

    // the WebSocket endpoint's handshake

    @Test
    void aRefusedWebSocketHandshakeIsAnsweredAsProblemJson() {
        String handshake = "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==";

        assertThat(rule(assertProblem(raw.send("GET /ws HTTP/1.1"), 400))).isEqualTo("MalformedRequest");
        assertProblem(raw.send("GET /ws HTTP/1.1", handshake, "Sec-WebSocket-Version: 13",
                "Origin: http://elsewhere.example"), 403);
        Answer oldVersion = raw.send("GET /ws HTTP/1.1", handshake, "Sec-WebSocket-Version: 8");
        assertProblem(oldVersion, 426);
        assertThat(oldVersion.headers().get("sec-websocket-version")).isEqualTo("13");
        Answer post = raw.send("POST /ws HTTP/1.1", "Content-Length: 0");
        assertProblem(post, 405);
        assertThat(post.headers().get("allow")).contains("GET");
    }

    // the servlet error page (/error)

    @Test
    void anErrorRaisedInTheServletFiltersIsAnsweredByTheErrorPageAsProblemJson() {
        // Tomcat fails to read a broken chunked body while a filter reads it, before Spring MVC
        Answer answer = raw.sendRaw("POST /api/stories HTTP/1.1\r\nHost: localhost\r\n" + RawHttp.basic("carla")
                + "Idempotency-Key: broken-chunks\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nZZZ\r\n{}\r\n0\r\n\r\n");

        JsonNode problem = assertProblem(answer, 400);
        assertThat(rule(problem)).isEqualTo("MalformedRequest");
        assertThat(problem.path("instance").asText()).isEqualTo("/api/stories");
    }

    @Test
    void theErrorPageAskedForDirectlyIsNotFound() {
        assertProblem(api.as("victor").get("/error"), 404);
        assertProblem(api.as("victor").header("Accept", "text/html").get("/error"), 404);
    }

    // Newsroom itself

    @Test
    void aRefusedCommandAndAnUnknownStoryAreProblemsOfTheirOwnType() {
        String storyId = pitch("carla", content("Refused", uniqueDesk()));

        Response refused = api.as("eddie").post(path(storyId, "submit"));
        assertProblem(refused, 409);
        assertThat(refused.body().path("type").asText()).isEqualTo("/problems/rule-violation");

        Response missing = api.as("victor").get("/api/stories/no-such-story");
        assertProblem(missing, 404);
        assertThat(missing.body().path("type").asText()).isEqualTo("/problems/story-not-found");
        assertProblem(api.as("eddie").post("/api/stories/no-such-story/accept", Map.of()), 404);
    }
}
