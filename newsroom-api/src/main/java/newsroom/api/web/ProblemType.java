package newsroom.api.web;

import java.net.URI;
import java.util.Arrays;

import org.springframework.http.HttpStatus;

/**
 * Every kind of problem the server answers with: its {@code type} URI ({@code /problems/<slug>}), status and
 * title. One list, so {@code docs/api-errors.md} can be checked against it; a new kind of error is added here.
 */
public enum ProblemType {

    INVALID_REQUEST("invalid-request", HttpStatus.BAD_REQUEST, "Invalid request"),
    AUTHENTICATION_REQUIRED("authentication-required", HttpStatus.UNAUTHORIZED, "Sign in required"),
    SIGN_IN_FAILED("sign-in-failed", HttpStatus.UNAUTHORIZED, "Sign-in failed"),
    INVALID_API_TOKEN("invalid-api-token", HttpStatus.UNAUTHORIZED, "Invalid API token"),
    INVALID_FEED_TOKEN("invalid-feed-token", HttpStatus.UNAUTHORIZED, "Invalid feed token"),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Not allowed"),
    PASSWORD_CHANGE_REQUIRED("password-change-required", HttpStatus.FORBIDDEN, "Password change required"),
    API_TOKEN_NOT_ALLOWED("api-token-not-allowed", HttpStatus.FORBIDDEN, "Not allowed with an API token"),
    CSRF_TOKEN_INVALID("csrf-token-invalid", HttpStatus.FORBIDDEN, "Missing or invalid CSRF token"),
    CROSS_ORIGIN_REFUSED("cross-origin-refused", HttpStatus.FORBIDDEN, "Cross-origin request refused"),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
    STORY_NOT_FOUND("story-not-found", HttpStatus.NOT_FOUND, "Story not found"),
    PLACEMENT_NOT_FOUND("placement-not-found", HttpStatus.NOT_FOUND, "Placement not found"),
    CAMPAIGN_NOT_FOUND("campaign-not-found", HttpStatus.NOT_FOUND, "Campaign not found"),
    CHANNEL_NOT_FOUND("channel-not-found", HttpStatus.NOT_FOUND, "Channel not found"),
    POLICY_NOT_FOUND("approval-policy-not-found", HttpStatus.NOT_FOUND, "Approval policy not found"),
    DELEGATION_NOT_FOUND("delegation-not-found", HttpStatus.NOT_FOUND, "Delegation not found"),
    BLACKOUT_NOT_FOUND("blackout-not-found", HttpStatus.NOT_FOUND, "Blackout period not found"),
    PROJECTION_NOT_FOUND("projection-not-found", HttpStatus.NOT_FOUND, "Projection not found"),
    USER_NOT_FOUND("user-not-found", HttpStatus.NOT_FOUND, "User not found"),
    API_TOKEN_NOT_FOUND("api-token-not-found", HttpStatus.NOT_FOUND, "API token not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    RULE_VIOLATION("rule-violation", HttpStatus.CONFLICT, "Refused by a rule"),
    VERSION_CONFLICT("version-conflict", HttpStatus.CONFLICT, "The story has changed"),
    IDEMPOTENCY_KEY_IN_PROGRESS("idempotency-key-in-progress", HttpStatus.CONFLICT, "Request in progress"),
    BODY_TOO_LARGE("body-too-large", HttpStatus.PAYLOAD_TOO_LARGE, "Body too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency key reused"),
    TOO_MANY_SIGN_IN_ATTEMPTS("too-many-sign-in-attempts", HttpStatus.TOO_MANY_REQUESTS, "Too many sign-in attempts"),
    UNEXPECTED("unexpected", HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error"),
    STORE_UNAVAILABLE("store-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Store unavailable"),
    /** Any other HTTP error (e.g. 501, 503, 505); the title is the status's reason phrase. */
    HTTP_ERROR("http-error", null, null);

    /** Problem types are relative URIs; {@code docs/api-errors.md} explains each. */
    public static final String PREFIX = "/problems/";

    private final String slug;
    private final HttpStatus status;
    private final String title;

    ProblemType(String slug, HttpStatus status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    public URI uri() {
        return URI.create(PREFIX + slug);
    }

    /** The status this type is answered with; null for {@link #HTTP_ERROR}, which takes any. */
    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /**
     * The general type for a bare status, for errors that arrive without a Newsroom type (a servlet container
     * error, the framework's own refusals): 404 is {@link #NOT_FOUND}, an unusual status {@link #HTTP_ERROR}.
     */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> INVALID_REQUEST;
            case 401 -> AUTHENTICATION_REQUIRED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> BODY_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 500 -> UNEXPECTED;
            default -> Arrays.stream(values()).filter(type -> type.status != null && type.status.value() == status)
                    .findFirst().orElse(HTTP_ERROR);
        };
    }
}
