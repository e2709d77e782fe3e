package newsroom.api.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import newsroom.api.storage.StoreFailures;
import newsroom.api.storage.StoreUnavailable;
import newsroom.story.PlacementNotFound;
import newsroom.story.StoryRuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 9457 problem+json: the field and rule for bad input (400), the named rule for a
 * refused command (409), the current version for a conflict (409). Unexpected failures are logged
 * with an id and answered without internals.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final StoreFailures storeFailures;

    ProblemHandler(StoreFailures storeFailures) {
        this.storeFailures = storeFailures;
    }

    @ExceptionHandler(StoryRuleViolation.class)
    ProblemDetail ruleViolation(StoryRuleViolation e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "rule-violation",
                "Refused by the rule " + e.rule().ruleName(), e.getMessage());
        problem.setProperty("rule", e.rule().ruleName());
        problem.setProperty("ruleDescription", e.rule().description());
        return problem;
    }

    @ExceptionHandler(PlacementNotFound.class)
    ProblemDetail placementNotFound(PlacementNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "placement-not-found", "Placement not found", e.getMessage());
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e) {
        ProblemDetail problem = e.problem();
        return ResponseEntity.status(problem.getStatus()).headers(e.headers()).body(problem);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> {
                    String path = violation.getPropertyPath().toString();
                    String field = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
                    String rule = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
                    return new FieldError(field, rule, violation.getMessage());
                })
                .toList();
        return invalid(errors);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return invalid(List.of(new FieldError(e.getName(), "InvalidFormat",
                "'" + e.getValue() + "' is not a valid " + simpleTypeName(e.getRequiredType()))));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        Optional<StoreUnavailable> unavailable = storeFailures.explain(e);
        if (unavailable.isPresent()) {
            log.warn("Answered 503: {}", unavailable.get().getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, Problems.STORE_RETRY_AFTER_SECONDS)
                    .body(Problems.storeUnavailable());
        }
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected failure, incident {}", incident, e);
        ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "unexpected",
                "Unexpected error", "Something went wrong on the server; it was logged as incident " + incident + ".");
        problem.setProperty("incident", incident);
        return ResponseEntity.internalServerError().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(error -> errors.add(error.isBindingFailure()
                ? new FieldError(error.getField(), "InvalidFormat", "'" + error.getRejectedValue() + "' is not valid here")
                : new FieldError(error.getField(), error.getCode(), error.getDefaultMessage())));
        e.getBindingResult().getGlobalErrors().forEach(error -> errors.add(
                new FieldError("body", error.getCode(), error.getDefaultMessage())));
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error -> {
            String rule = error.getCodes() == null || error.getCodes().length == 0 ? "Invalid"
                    : error.getCodes()[error.getCodes().length - 1];
            // a body's errors name its fields; a path or query value's errors name the parameter
            String field = error instanceof org.springframework.validation.FieldError fieldError
                    ? fieldError.getField() : result.getMethodParameter().getParameterName();
            errors.add(new FieldError(field, rule, error.getDefaultMessage()));
        }));
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        return ResponseEntity.badRequest().body(invalid(List.of(describeUnreadable(e.getCause()))));
    }

    private static FieldError describeUnreadable(@Nullable Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new FieldError(path(unknown), "UnknownField",
                    "'" + unknown.getPropertyName() + "' is not a field of this request");
        }
        if (cause instanceof InvalidFormatException invalid) {
            return new FieldError(path(invalid), "InvalidFormat", "'" + invalid.getValue() + "' is not a valid "
                    + simpleTypeName(invalid.getTargetType()));
        }
        if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            return new FieldError(path(mismatched), "InvalidFormat",
                    "expected " + simpleTypeName(mismatched.getTargetType()));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return new FieldError(path(mapping), "InvalidFormat", mapping.getOriginalMessage());
        }
        if (cause instanceof JsonProcessingException parsing) {
            return new FieldError("body", "MalformedJson", "the body is not valid JSON: " + parsing.getOriginalMessage());
        }
        return new FieldError("body", "Required", "a JSON body is required");
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String simpleTypeName(@Nullable Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object constant : type.getEnumConstants()) {
                names.add(constant.toString());
            }
            return type.getSimpleName() + " (one of " + String.join(", ", names) + ")";
        }
        if (type == java.time.Instant.class) {
            return "instant (ISO-8601, e.g. 2027-03-04T09:00:00Z)";
        }
        return type.getSimpleName();
    }

    private static ProblemDetail invalid(List<FieldError> errors) {
        return Problems.invalid(errors);
    }
}
