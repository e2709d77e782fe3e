package newsroom.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The one shape of every error answer: RFC 9457 problem+json with a Newsroom {@code type}, {@code title},
 * {@code status}, {@code detail} and {@code instance}, {@code errors} on a 400, and nothing that names the
 * server's internals.
 */
public final class ProblemAssert {

    /** Strings that would reveal internal types or frameworks if they ever reached a client. */
    public static final List<String> INTERNAL_NAMES = List.of("java.", "javax.", "jakarta.", "newsroom.",
            "com.fasterxml", "org.springframework", "org.apache", "tomcat", "Exception", "$", "\tat ");

    private ProblemAssert() {
    }

    public static JsonNode assertProblem(ApiClient.Response response, int status) {
        return assertProblem(response.status(), response.contentType(), response.body(), response.rawBody(), true,
                response.toString());
    }

    public static JsonNode assertProblem(RawHttp.Answer answer, int status) {
        return assertProblem(answer, status, true);
    }

    /** {@code withInstance} false for a request line so broken that it names no path. */
    public static JsonNode assertProblem(RawHttp.Answer answer, int status, boolean withInstance) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(status);
        return assertProblem(answer.status(), answer.contentType(), answer.json(), answer.rawBody(), withInstance,
                answer.toString());
    }

    private static JsonNode assertProblem(int status, String contentType, JsonNode problem, String raw,
                                          boolean withInstance, String description) {
        assertThat(contentType).as(description).startsWith("application/problem+json");
        assertThat(problem.path("type").asText()).as(description).matches("/problems/[a-z-]+");
        assertThat(problem.path("title").asText()).as(description).isNotBlank();
        assertThat(problem.path("status").asInt()).as(description).isEqualTo(status);
        assertThat(problem.path("detail").asText()).as(description).isNotBlank();
        if (withInstance) {
            assertThat(problem.path("instance").asText()).as(description).startsWith("/");
        }
        if (status == 400) {
            assertThat(problem.path("errors").isArray()).as(description).isTrue();
            assertThat(problem.path("errors")).as(description).isNotEmpty();
            problem.path("errors").forEach(error -> {
                assertThat(error.path("field").asText()).as(description).isNotBlank();
                assertThat(error.path("rule").asText()).as(description).isNotBlank();
                assertThat(error.path("message").asText()).as(description).isNotBlank();
            });
        }
        assertThat(problem.has("timestamp")).as(description).isFalse();
        assertThat(problem.has("trace")).as(description).isFalse();
        assertNoInternalNames(raw);
        return problem;
    }

    public static void assertNoInternalNames(String raw) {
        for (String internal : INTERNAL_NAMES) {
            assertThat(raw).as("an error body must not contain '%s'", internal).doesNotContain(internal);
        }
    }

    /** The first (or only) error of a 400, checked for its field and rule. */
    public static JsonNode assertFieldError(ApiClient.Response response, String field, String rule) {
        JsonNode problem = assertProblem(response, 400);
        JsonNode error = problem.path("errors").get(0);
        assertThat(error.path("field").asText()).as("%s", response).isEqualTo(field);
        assertThat(error.path("rule").asText()).as("%s", response).isEqualTo(rule);
        assertThat(problem.path("detail").asText()).contains(field);
        return error;
    }
}
