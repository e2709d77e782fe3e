package newsroom.api.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem details of Newsroom's {@link ProblemType}s. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(ProblemType type, String detail) {
        return of(type, type.status() == null ? HttpStatus.INTERNAL_SERVER_ERROR.value() : type.status().value(),
                detail);
    }

    /** A problem with an explicit status, for {@link ProblemType#HTTP_ERROR} and other bare statuses. */
    public static ProblemDetail of(ProblemType type, int status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        problem.setType(type.uri());
        HttpStatus known = HttpStatus.resolve(status);
        problem.setTitle(type.title() != null ? type.title() : known != null ? known.getReasonPhrase() : "Error");
        return problem;
    }

    /** Seconds a client should wait before retrying when the store is unavailable. */
    public static final String STORE_RETRY_AFTER_SECONDS = "10";

    /**
     * A 503: the store cannot read or save data right now (the embedded store's file refused a write, or
     * MongoDB cannot be reached). Answer it with a {@code Retry-After} of {@link #STORE_RETRY_AFTER_SECONDS}.
     */
    public static ProblemDetail storeUnavailable() {
        return of(ProblemType.STORE_UNAVAILABLE,
                "The server cannot read or save data right now, so this request may not have been saved. "
                        + "Retry later; send an Idempotency-Key to make the retry safe.");
    }

    /** A 400 naming each broken field and rule. */
    public static ProblemDetail invalid(List<FieldError> errors) {
        String detail = errors.stream().map(error -> error.field() + ": " + error.message())
                .reduce((a, b) -> a + "; " + b).orElse("The request is invalid.");
        ProblemDetail problem = of(ProblemType.INVALID_REQUEST, detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** A 400 with one broken rule. */
    public static ProblemDetail invalid(String field, InputRule rule, String message) {
        return invalid(List.of(new FieldError(field, rule.code(), message)));
    }

    /** A 409: the command would break the named rule; nothing was changed. */
    public static ProblemDetail ruleViolation(String ruleName, String ruleDescription, String detail) {
        ProblemDetail problem = of(ProblemType.RULE_VIOLATION, detail);
        problem.setTitle("Refused by the rule " + ruleName);
        problem.setProperty("rule", ruleName);
        problem.setProperty("ruleDescription", ruleDescription);
        return problem;
    }

    public static ProblemDetail ruleViolation(ConflictRule rule, String detail) {
        return ruleViolation(rule.ruleName(), rule.description(), detail);
    }
}
