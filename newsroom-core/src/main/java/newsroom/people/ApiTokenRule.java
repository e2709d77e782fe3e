package newsroom.people;

/**
 * The named rules a personal API token command can break. A rule about one field of the request names it and is
 * answered 400; the others 409.
 */
public enum ApiTokenRule {
    TOKEN_NAME_FORMAT("TokenNameFormat", "name",
            "a token's name is 1 to 100 characters, not only spaces, without control characters"),
    TOKEN_EXPIRY_REQUIRED("TokenExpiryRequired", "expiresAt", "every token has an expiry date"),
    TOKEN_EXPIRY_IN_THE_PAST("TokenExpiryInThePast", "expiresAt", "a token's expiry lies in the future"),
    TOKEN_LIFETIME_TOO_LONG("TokenLifetimeTooLong", "expiresAt",
            "a token expires at most " + ApiTokenRules.MAX_LIFETIME_DAYS + " days after it was created"),
    OWN_TOKENS_ONLY("OwnTokensOnly", null, "people create API tokens only for themselves"),
    TOKEN_ALREADY_REVOKED("TokenAlreadyRevoked", null, "a token is revoked at most once");

    private final String ruleName;
    private final String field;
    private final String description;

    ApiTokenRule(String ruleName, String field, String description) {
        this.ruleName = ruleName;
        this.field = field;
        this.description = description;
    }

    public String ruleName() {
        return ruleName;
    }

    /** The request field the rule is about, or null for a rule about the token's state. */
    public String field() {
        return field;
    }

    public String description() {
        return description;
    }
}
