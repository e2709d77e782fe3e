package newsroom.api.web;

import static newsroom.api.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import newsroom.api.ApiClient;
import newsroom.api.ApiClient.Response;
import newsroom.api.ApiIntegrationTest;
import newsroom.api.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A request body over 1 MB is refused with 413 before it is read into memory; the largest real request fits. */
class RequestBodyLimitIT extends ApiIntegrationTest {

    private static final int LIMIT = 1024 * 1024;
    private static final int CHUNK = 64 * 1024;

    @LocalServerPort
    private int port;

    private RawHttp raw;

    @BeforeEach
    void rawSocket() {
        raw = new RawHttp(port);
    }

    /** A story whose title runs on past the limit: JSON that is well-formed as far as it goes. */
    private static String overTheLimit() {
        String start = "{\"title\":\"";
        return start + "a".repeat(LIMIT + 1 - start.length());
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsRead() {
        String body = overTheLimit();

        RawHttp.Answer answer = raw.sendRaw("POST /api/stories HTTP/1.1\r\nHost: localhost\r\n" + RawHttp.basic("victor")
                + "Content-Type: application/json\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);

        assertTooLarge(answer);
    }

    @Test
    void aChunkedBodyIsRefusedOnceItPassesTheLimit() {
        for (String idempotencyKey : new String[] {"", "Idempotency-Key: chunked-" + System.nanoTime() + "\r\n"}) {
            RawHttp.Answer answer = raw.sendRaw("POST /api/stories HTTP/1.1\r\nHost: localhost\r\n"
                    + RawHttp.basic("carla") + idempotencyKey
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                    + chunked(overTheLimit()));

            assertTooLarge(answer);
        }
    }

    @Test
    void theLargestStoryBodyFitsEvenWithEveryCharacterEscaped() throws Exception {
        // 100,000 characters (the body's @Size), each written as a six-byte JSON escape: ~600 KB
        Map<String, Object> longest = content("The longest story", uniqueDesk());
        longest.put("body", "BODY");
        String body = ApiClient.JSON.writeValueAsString(longest).replace("BODY", "\\u00e9".repeat(100_000));
        assertThat(body.length()).isGreaterThan(600_000);

        Response pitched = api.as("carla").post("/api/stories", body);

        assertThat(pitched.status()).as("%s", pitched).isEqualTo(201);
        assertThat(story(pitched.body().path("storyId").asText()).path("body").asText())
                .isEqualTo("\u00e9".repeat(100_000));
    }

    private static void assertTooLarge(RawHttp.Answer answer) {
        JsonNode problem = assertProblem(answer, 413);
        assertThat(problem.path("type").asText()).isEqualTo("/problems/body-too-large");
        assertThat(problem.path("instance").asText()).isEqualTo("/api/stories");
    }

    private static String chunked(String body) {
        StringBuilder chunks = new StringBuilder();
        for (int at = 0; at < body.length(); at += CHUNK) {
            String chunk = body.substring(at, Math.min(body.length(), at + CHUNK));
            chunks.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        return chunks.append("0\r\n\r\n").toString();
    }
}
