package newsroom.api.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import newsroom.api.storage.StoreFailures;
import newsroom.api.storage.StoreUnavailable;
import newsroom.calendar.Blackout;
import newsroom.story.PlacementNotFound;
import newsroom.story.QuietPeriodHold;
import newsroom.story.QuietPeriodInForce;
import newsroom.story.StoryRuleViolation;
import newsroom.crisis.CrisisRuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error that reaches Spring MVC as RFC 9457 problem+json of a {@link ProblemType}: the field and rule for
 * bad input (400), the named rule for a refused command (409), the current version for a conflict (409), and
 * the framework's own refusals (404, 405, 406, 415, ...) in the same shape. Messages say what was expected in
 * the user's words and never name a Java type. Unexpected failures are logged with an id and answered without
 * internals.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final StoreFailures storeFailures;

    ProblemHandler(StoreFailures storeFailures) {
        this.storeFailures = storeFailures;
    }

    @ExceptionHandler(StoryRuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolation(StoryRuleViolation e) {
        return answer(Problems.ruleViolation(e.rule().ruleName(), e.rule().description(), e.getMessage()));
    }

    /** Names each quiet period that holds the placement, as {@code GET /api/blackouts} names its fields. */
    @ExceptionHandler(QuietPeriodInForce.class)
    ResponseEntity<ProblemDetail> quietPeriodInForce(QuietPeriodInForce e) {
        ProblemDetail problem = Problems.ruleViolation(e.rule().ruleName(), e.rule().description(), e.getMessage());
        problem.setProperty("placementId", e.placementId());
        problem.setProperty("channelId", e.channelId());
        problem.setProperty("at", e.at());
        problem.setProperty("quietPeriods", e.holds().stream().map(HoldingQuietPeriod::of).toList());
        return answer(problem);
    }

    /** One quiet period of a {@code QuietPeriodInForce} problem; {@code overridable}: by the person refused. */
    record HoldingQuietPeriod(String blackoutId, String name, List<String> channelIds, Instant startsAt,
                              Instant endsAt, boolean overridable) {

        static HoldingQuietPeriod of(QuietPeriodHold hold) {
            Blackout period = hold.period();
            return new HoldingQuietPeriod(period.blackoutId(), period.name(),
                    period.channelIds().stream().sorted().toList(), period.startsAt(), period.endsAt(),
                    hold.overridable());
        }
    }

    @ExceptionHandler(CrisisRuleViolation.class)
    ResponseEntity<ProblemDetail> crisisRuleViolation(CrisisRuleViolation e) {
        return answer(Problems.ruleViolation(e.rule().ruleName(), e.rule().description(), e.getMessage()));
    }

    @ExceptionHandler(PlacementNotFound.class)
    ResponseEntity<ProblemDetail> placementNotFound(PlacementNotFound e) {
        return answer(Problems.of(ProblemType.PLACEMENT_NOT_FOUND, e.getMessage()));
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e) {
        ProblemDetail problem = e.problem();
        return ResponseEntity.status(problem.getStatus()).headers(e.headers())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> {
                    String path = violation.getPropertyPath().toString();
                    String field = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
                    String rule = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
                    return new FieldError(field, rule, violation.getMessage());
                })
                .toList();
        return answer(Problems.invalid(errors));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        TypeDescriptor expected = new TypeDescriptor(e.getParameter());
        return answer(Problems.invalid(e.getName(), InputRule.INVALID_FORMAT,
                "'" + e.getValue() + "' is not valid: must be " + Expected.describe(expected)));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        Optional<StoreUnavailable> unavailable = storeFailures.explain(e);
        if (unavailable.isPresent()) {
            log.warn("Answered 503: {}", unavailable.get().getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, Problems.STORE_RETRY_AFTER_SECONDS)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(Problems.storeUnavailable());
        }
        return answer(unexpectedProblem(e));
    }

    /** Problems are problem+json whatever the request's Accept header asked for. */
    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** A 500 with an incident id to quote; the cause goes to the log only. */
    static ProblemDetail unexpectedProblem(Throwable e) {
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected failure, incident {}", incident, e);
        ProblemDetail problem = Problems.of(ProblemType.UNEXPECTED,
                "Something went wrong on the server; it was logged as incident " + incident + ".");
        problem.setProperty("incident", incident);
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(error -> errors.add(error.isBindingFailure()
                ? new FieldError(error.getField(), InputRule.INVALID_FORMAT.code(), "'" + error.getRejectedValue()
                        + "' is not valid: must be " + Expected.describe(expectedOf(error)))
                : new FieldError(error.getField(), error.getCode(), error.getDefaultMessage())));
        e.getBindingResult().getGlobalErrors().forEach(error -> errors.add(
                new FieldError("body", error.getCode(), error.getDefaultMessage())));
        return handleExceptionInternal(e, Problems.invalid(errors), headers, HttpStatus.BAD_REQUEST, request);
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
        return handleExceptionInternal(e, Problems.invalid(errors), headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (RequestBodyLimit.isCause(e)) {
            return handleExceptionInternal(e, RequestBodyLimit.problem(), headers, HttpStatus.PAYLOAD_TOO_LARGE,
                    request);
        }
        return handleExceptionInternal(e, Problems.invalid(List.of(BodyErrors.describe(e.getCause()))), headers,
                HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers,
                                                                          HttpStatusCode status,
                                                                          WebRequest request) {
        String expected = e.getMethodParameter() == null ? ""
                : ": " + Expected.describe(new TypeDescriptor(e.getMethodParameter()));
        return handleExceptionInternal(e, Problems.invalid(e.getParameterName(), InputRule.REQUIRED,
                "the query parameter '" + e.getParameterName() + "' is required" + expected), headers,
                HttpStatus.BAD_REQUEST, request);
    }

    /**
     * Every other refusal of Spring MVC (and the ones above, once built) passes here: the framework's bare
     * problems ({@code about:blank}, its own wording) become Newsroom's types with messages for people.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail given && given.getType() != null
                && given.getType().toString().startsWith(ProblemType.PREFIX)
                ? given : translate(e, status, request);
        // the exception's own headers (e.g. Allow for a 405) may be read-only
        HttpHeaders answer = new HttpHeaders();
        answer.putAll(headers);
        answer.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return super.handleExceptionInternal(e, problem, answer, status, request);
    }

    private ProblemDetail translate(Exception e, HttpStatusCode status, WebRequest request) {
        String path = request instanceof ServletWebRequest servlet ? pathOf(servlet.getRequest()) : "this address";
        if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
            return Problems.of(ProblemType.NOT_FOUND, "There is nothing at " + path + ".");
        }
        if (e instanceof HttpRequestMethodNotSupportedException unsupported) {
            String allowed = unsupported.getSupportedHttpMethods() == null ? ""
                    : "; allowed: " + unsupported.getSupportedHttpMethods().stream().map(Object::toString).sorted()
                            .collect(Collectors.joining(", "));
            return Problems.of(ProblemType.METHOD_NOT_ALLOWED,
                    unsupported.getMethod() + " is not allowed for " + path + allowed + ".");
        }
        if (e instanceof HttpMediaTypeNotAcceptableException) {
            return Problems.of(ProblemType.NOT_ACCEPTABLE,
                    "This address answers application/json; send 'Accept: application/json' or leave Accept out.");
        }
        if (e instanceof HttpMediaTypeNotSupportedException) {
            String sent = request.getHeader("Content-Type");
            String given = sent == null || sent.isBlank() ? "no Content-Type" : "'" + sent + "'";
            return Problems.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Send the body as JSON with 'Content-Type: application/json'; got " + given + ".");
        }
        if (e instanceof MissingRequestHeaderException missing) {
            return Problems.invalid(missing.getHeaderName(), InputRule.REQUIRED,
                    "the header '" + missing.getHeaderName() + "' is required");
        }
        if (status.value() == 400) {
            return Problems.invalid("request", InputRule.MALFORMED_REQUEST, "the request cannot be read");
        }
        if (status.is5xxServerError()) {
            return unexpectedProblem(e);
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        return Problems.of(ProblemType.forStatus(status.value()), status.value(),
                known == null ? "The request was refused." : known.getReasonPhrase() + ".");
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI();
    }

    /** The type a query value should have had, from the conversion that failed. */
    private static TypeDescriptor expectedOf(org.springframework.validation.FieldError error) {
        try {
            TypeMismatchException mismatch = error.unwrap(TypeMismatchException.class);
            if (mismatch.getCause() instanceof ConversionFailedException failed) {
                return failed.getTargetType();
            }
            return mismatch.getRequiredType() == null ? null : TypeDescriptor.valueOf(mismatch.getRequiredType());
        } catch (IllegalArgumentException notAMismatch) {
            return null;
        }
    }

    /** Turns Jackson's reading errors into a field (its JSON path) and what it must be. */
    static final class BodyErrors {

        private BodyErrors() {
        }

        static FieldError describe(@Nullable Throwable cause) {
            if (cause instanceof UnrecognizedPropertyException unknown) {
                String known = unknown.getKnownPropertyIds() == null ? ""
                        : "; the fields are " + unknown.getKnownPropertyIds().stream().map(Object::toString).sorted()
                                .collect(Collectors.joining(", "));
                return new FieldError(path(unknown), InputRule.UNKNOWN_FIELD.code(),
                        "'" + unknown.getPropertyName() + "' is not a field here" + known);
            }
            if (cause instanceof MismatchedInputException mismatched && isTrailingContent(mismatched)) {
                return malformed(mismatched);
            }
            if (cause instanceof InvalidFormatException invalid && invalid.getValue() instanceof String text) {
                return new FieldError(path(invalid), InputRule.INVALID_FORMAT.code(),
                        "'" + text + "' is not valid: must be " + Expected.describe(invalid.getTargetType()));
            }
            if (cause instanceof MismatchedInputException mismatched) {
                String field = path(mismatched);
                String expected = Expected.describe(mismatched.getTargetType());
                String message = mismatched.getPath().isEmpty() ? "the body must be " + expected : "must be " + expected;
                // a number or true/false where something else belongs: say what was sent, too
                String sent = mismatched instanceof InvalidFormatException invalid && invalid.getValue() != null
                        ? "; got " + invalid.getValue() : "";
                return new FieldError(field, InputRule.WRONG_TYPE.code(), message + sent);
            }
            if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                // unreadable text inside a field (bytes that are not UTF-8, nesting beyond the limits)
                if (mapping.getCause() instanceof JsonProcessingException unreadable) {
                    return new FieldError(path(mapping), InputRule.MALFORMED_JSON.code(),
                            "is not readable JSON" + where(unreadable) + "; send well-formed JSON in UTF-8");
                }
                return new FieldError(path(mapping), InputRule.INVALID_FORMAT.code(), "is not valid here");
            }
            if (cause instanceof JsonProcessingException parsing) {
                Matcher duplicate = parsing.getOriginalMessage() == null ? null
                        : DUPLICATE_FIELD.matcher(parsing.getOriginalMessage());
                if (duplicate != null && duplicate.find()) {
                    return new FieldError(duplicate.group(1), InputRule.MALFORMED_JSON.code(),
                            "'" + duplicate.group(1) + "' is given twice" + where(parsing) + "; give each field once");
                }
                return malformed(parsing);
            }
            return new FieldError("body", InputRule.REQUIRED.code(), "a JSON body is required");
        }

        /** Jackson's words for a field given twice in one object (STRICT_DUPLICATE_DETECTION). */
        private static final Pattern DUPLICATE_FIELD = Pattern.compile("^Duplicate field '([^']{1,100})'");

        private static FieldError malformed(JsonProcessingException e) {
            return new FieldError("body", InputRule.MALFORMED_JSON.code(), "the body is not valid JSON" + where(e));
        }

        private static String where(JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            return at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        }

        /** Content after the one JSON value of the body (refused by FAIL_ON_TRAILING_TOKENS). */
        private static boolean isTrailingContent(MismatchedInputException e) {
            return e.getPath().isEmpty() && e.getOriginalMessage() != null
                    && e.getOriginalMessage().startsWith("Trailing token");
        }

        /** The JSON path of the field, e.g. {@code content.title} or {@code channels[1]}; "body" for the root. */
        static String path(JsonMappingException e) {
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
    }
}
