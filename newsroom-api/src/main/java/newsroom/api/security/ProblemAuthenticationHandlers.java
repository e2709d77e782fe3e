package newsroom.api.security;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import newsroom.api.storage.StoreFailures;
import newsroom.api.web.InputRule;
import newsroom.api.web.ProblemType;
import newsroom.api.web.ProblemWriter;
import newsroom.api.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * The security layer's refusals as problem+json, like every other error: missing credentials (401), missing
 * rights (403), credentials that could not be checked because the store is unavailable (503), and requests the firewall rejects before anything else runs ({@code ..}, {@code //},
 * {@code ;}, encoded slashes, unknown methods).
 */
@Component
class ProblemAuthenticationHandlers implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private final ProblemWriter problems;
    private final StoreFailures storeFailures;

    ProblemAuthenticationHandlers(ProblemWriter problems, StoreFailures storeFailures) {
        this.problems = problems;
        this.storeFailures = storeFailures;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (storeFailures.explain(e).isPresent()) {
            // the credentials could not be checked at all: not a wrong password, so no 401
            response.setHeader(HttpHeaders.RETRY_AFTER, Problems.STORE_RETRY_AFTER_SECONDS);
            problems.write(request, response, Problems.storeUnavailable());
            return;
        }
        // Browsers show their own login dialog on this header; the dashboard asks for it not to.
        if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Newsroom\"");
        }
        problems.write(request, response, Problems.of(ProblemType.AUTHENTICATION_REQUIRED,
                "Send valid credentials (HTTP Basic) for a Newsroom user."));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        problems.write(request, response, Problems.of(ProblemType.FORBIDDEN, "Your roles do not allow this action."));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        problems.write(request, response, rejected(request, e));
    }

    /** The firewall's reason in the client's words; its own message is not passed on. */
    private static ProblemDetail rejected(HttpServletRequest request, RequestRejectedException e) {
        String reason = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (reason.contains("http method")) {
            return Problems.of(ProblemType.METHOD_NOT_ALLOWED, "The method " + request.getMethod()
                    + " is not supported; Newsroom answers GET, HEAD, POST, PUT, PATCH, DELETE and OPTIONS.");
        }
        if (reason.contains("header")) {
            return Problems.invalid("headers", InputRule.MALFORMED_REQUEST,
                    "a header name or value contains characters that are not allowed");
        }
        if (reason.contains("parameter")) {
            return Problems.invalid("query", InputRule.MALFORMED_REQUEST,
                    "a query parameter name or value contains characters that are not allowed");
        }
        return Problems.invalid("path", InputRule.DISALLOWED_PATH, "the path is not allowed: it contains '..', '//', "
                + "';', an encoded slash, backslash, period or percent sign, or a control character");
    }
}
