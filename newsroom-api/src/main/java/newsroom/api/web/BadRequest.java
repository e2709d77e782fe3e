package newsroom.api.web;

import java.util.List;

import org.springframework.http.ProblemDetail;

/** Input that breaks a rule the server checks itself (headers, parameters, known ids). Answered 400. */
public class BadRequest extends ProblemException {

    private final List<FieldError> errors;

    public BadRequest(String field, InputRule rule, String message) {
        super(message);
        this.errors = List.of(new FieldError(field, rule.code(), message));
    }

    @Override
    public ProblemDetail problem() {
        return Problems.invalid(errors);
    }
}
