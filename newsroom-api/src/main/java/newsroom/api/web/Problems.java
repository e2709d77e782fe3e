package newsroom.api.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem details with Newsroom's problem types. */
public final class Problems {

    /** Problem types are relative URIs; {@code docs/api-errors.md} explains each. */
    private static final String TYPE_PREFIX = "/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(title);
        return problem;
    }

    /** Seconds a client should wait before retrying when the store is unavailable. */
    public static final String STORE_RETRY_AFTER_SECONDS = "10";

    /**
     * A 503: the store cannot read or save data right now (the embedded store's file refused a write, or
     * MongoDB cannot be reached). Answer it with a {@code Retry-After} of {@link #STORE_RETRY_AFTER_SECONDS}.
     */
    public static ProblemDetail storeUnavailable() {
        return of(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Store unavailable",
                "The server cannot read or save data right now, so this request may not have been saved. "
                        + "Retry later; send an Idempotency-Key to make the retry safe.");
    }

    /** A 400 naming each broken field and rule. */
    public static ProblemDetail invalid(List<FieldError> errors) {
        String detail = errors.stream().map(error -> error.field() + ": " + error.message())
                .reduce((a, b) -> a + "; " + b).orElse("The request is invalid.");
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
        problem.setProperty("errors", errors);
        return problem;
    }
}
