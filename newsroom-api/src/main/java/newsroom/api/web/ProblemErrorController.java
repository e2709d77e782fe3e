package newsroom.api.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import newsroom.api.storage.StoreFailures;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * The servlet container's error page ({@code /error}): errors raised outside Spring MVC (a servlet filter
 * failing, {@code sendError} from the container) end here and are answered as problem+json like every other
 * error, instead of Spring Boot's {@code {"timestamp": ...}} or an HTML page.
 */
@RestController
@Hidden // not part of the API: it answers for the others
class ProblemErrorController implements ErrorController {

    private final ErrorAttributes errors;
    private final StoreFailures storeFailures;

    ProblemErrorController(ErrorAttributes errors, StoreFailures storeFailures) {
        this.errors = errors;
        this.storeFailures = storeFailures;
    }

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? request.getRequestURI() : uri.toString();
        Throwable error = errors.getError(new ServletWebRequest(request));
        if (error != null && storeFailures.explain(error).isPresent()) {
            // a filter (signing in, say) met the failed store: the same 503 as from a controller
            ProblemDetail unavailable = Problems.storeUnavailable();
            unavailable.setInstance(ProblemWriter.instance(path));
            return ResponseEntity.status(unavailable.getStatus())
                    .header(HttpHeaders.RETRY_AFTER, Problems.STORE_RETRY_AFTER_SECONDS)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(unavailable);
        }
        ProblemDetail problem = code instanceof Integer status && status >= 400
                ? problemFor(status, path, error)
                // asked for directly: there is no error to show
                : Problems.of(ProblemType.NOT_FOUND, "There is nothing at " + path + ".");
        URI instance = ProblemWriter.instance(path);
        problem.setInstance(instance);
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static ProblemDetail problemFor(int status, String path, Throwable error) {
        if (status >= 500) {
            return ProblemHandler.unexpectedProblem(error != null ? error
                    : new IllegalStateException("HTTP " + status + " for " + path + " without an exception"));
        }
        return switch (status) {
            case 400 -> Problems.invalid("request", InputRule.MALFORMED_REQUEST,
                    "the request could not be read (e.g. a broken chunked body or %-escape)");
            case 404 -> Problems.of(ProblemType.NOT_FOUND, "There is nothing at " + path + ".");
            case 405 -> Problems.of(ProblemType.METHOD_NOT_ALLOWED, "This method is not allowed for " + path + ".");
            default -> Problems.of(ProblemType.forStatus(status), status, "The request was refused (HTTP " + status
                    + ").");
        };
    }
}
