package newsroom.api.web;

/**
 * The rules of a 400 answer that Newsroom names itself, as they appear in {@code errors[].rule}. Bean
 * Validation adds the names of its constraints ({@code NotBlank}, {@code Size}, ...). Every one is explained in
 * {@code docs/api-errors.md}.
 */
public enum InputRule {

    // the body
    MALFORMED_JSON("MalformedJson"),
    REQUIRED("Required"),
    UNKNOWN_FIELD("UnknownField"),
    WRONG_TYPE("WrongType"),
    INVALID_FORMAT("InvalidFormat"),

    // the URL and the headers
    UNKNOWN_PARAMETER("UnknownParameter"),
    REPEATED_PARAMETER("RepeatedParameter"),
    DISALLOWED_PATH("DisallowedPath"),
    UNENCODED_CHARACTER("UnencodedCharacter"),
    HEADERS_TOO_LARGE("HeadersTooLarge"),
    MALFORMED_REQUEST("MalformedRequest"),
    STORY_VERSION("StoryVersion"),
    IDEMPOTENCY_KEY_FORMAT("IdempotencyKeyFormat"),

    // values that must name something that exists, or fit together
    KNOWN_CHANNEL("KnownChannel"),
    WEBHOOK_URL("WebhookUrl"),
    WEBHOOK_SECRET_LENGTH("WebhookSecretLength"),
    WEBHOOK_SECRET_REQUIRED("WebhookSecretRequired"),
    KNOWN_STORY("KnownStory"),
    KNOWN_USER("KnownUser"),
    KNOWN_POLICY("KnownApprovalPolicy"),
    CURRENT_PASSWORD_INCORRECT("CurrentPasswordIncorrect"),
    CAMPAIGN_ID_FORMAT("CampaignIdFormat"),
    AFTER_FROM("AfterFrom"),
    MAX_RANGE("MaxRange"),
    AFTER_STARTS_ON("AfterStartsOn"),
    MAX_EXPORT("MaxExport");

    private final String code;

    InputRule(String code) {
        this.code = code;
    }

    /** The name clients see in {@code errors[].rule}. */
    public String code() {
        return code;
    }
}
