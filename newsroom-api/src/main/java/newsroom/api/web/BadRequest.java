package newsroom.api.web;

import java.util.List;

import org.springframework.http.ProblemDetail;

/** Input that breaks a rule the controller checks itself (headers, known ids). Answered 400. */
public class BadRequest extends ProblemException {

    private final List<FieldError> errors;

    public BadRequest(String field, String rule, String message) {
        super(message);
        this.errors = List.of(new FieldError(field, rule, message));
    }

    @Override
    public ProblemDetail problem() {
        return Problems.invalid(errors);
    }
}
