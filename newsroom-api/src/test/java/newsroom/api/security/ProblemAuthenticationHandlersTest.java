package newsroom.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import newsroom.api.ProblemAssert;
import newsroom.api.storage.StoreFailures;
import newsroom.api.web.ProblemWriter;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;

/**
 * Spring Security's own 403 (a denied request that no Newsroom role check saw; no rule of the current
 * configuration denies a signed-in user, so it cannot be provoked over HTTP) and the firewall's refusals
 * have the problem shape too.
 */
class ProblemAuthenticationHandlersTest {

    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();
    private final ProblemAuthenticationHandlers handlers = new ProblemAuthenticationHandlers(new ProblemWriter(json),
            new StoreFailures(Optional::empty));

    @Test
    void anAccessDeniedBySpringSecurityIsAForbiddenProblem() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        handlers.handle(new MockHttpServletRequest("GET", "/api/admin/projections"), response,
                new AccessDeniedException("Access Denied"));

        JsonNode problem = problem(response, 403);
        assertThat(problem.path("type").asText()).isEqualTo("/problems/forbidden");
        assertThat(problem.path("instance").asText()).isEqualTo("/api/admin/projections");
    }

    @Test
    void theFirewallsReasonsAreToldInTheClientsWordsNeverInItsOwn() throws Exception {
        MockHttpServletResponse path = new MockHttpServletResponse();
        handlers.handle(new MockHttpServletRequest("GET", "/api/stories;x=1"), path, new RequestRejectedException(
                "The request was rejected because the URL contained a potentially malicious String \";\""));
        assertThat(problem(path, 400).path("errors").get(0).path("rule").asText()).isEqualTo("DisallowedPath");

        MockHttpServletResponse header = new MockHttpServletResponse();
        handlers.handle(new MockHttpServletRequest("GET", "/api/stories"), header, new RequestRejectedException(
                "The request was rejected because the header value \"\u0007\" is not allowed."));
        assertThat(problem(header, 400).path("errors").get(0).path("field").asText()).isEqualTo("headers");

        MockHttpServletResponse method = new MockHttpServletResponse();
        handlers.handle(new MockHttpServletRequest("BREW", "/api/stories"), method, new RequestRejectedException(
                "The request was rejected because the HTTP method \"BREW\" was not included within the list of "
                        + "allowed HTTP methods [DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT]"));
        assertThat(problem(method, 405).path("detail").asText()).contains("BREW").doesNotContain("rejected");
    }

    private JsonNode problem(MockHttpServletResponse response, int status) throws Exception {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        String body = response.getContentAsString();
        ProblemAssert.assertNoInternalNames(body);
        JsonNode problem = json.readTree(body);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        return problem;
    }
}
