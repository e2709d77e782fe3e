package newsroom.people;

/**
 * The named rules a user-account command can break. The name is what the API reports as {@code rule}; a rule
 * about one field of the request (a format) names it and is answered 400, the others 409.
 */
public enum UserRule {
    USERNAME_FORMAT("UsernameFormat", "username",
            "a username is 2 to 32 lower-case letters, digits, '.', '_' or '-', starting with a letter and ending with a letter or digit"),
    USERNAME_TAKEN("UsernameTaken", null, "each username belongs to one account, also after it was disabled"),
    AT_LEAST_ONE_ROLE("AtLeastOneRole", "roles", "every account holds at least one role"),
    GROUP_NAME_FORMAT("GroupNameFormat", "groups", "a group name is " + GroupNames.FORMAT),
    CANNOT_DISABLE_YOURSELF("CannotDisableYourself", null,
            "an admin cannot disable their own account, so there is always an enabled admin"),
    CANNOT_REVOKE_YOUR_OWN_ADMIN_ROLE("CannotRevokeYourOwnAdminRole", null,
            "an admin cannot take the ADMIN role from themself, so there is always an enabled admin"),
    USER_ALREADY_DISABLED("UserAlreadyDisabled", null, "the account is already disabled"),
    USER_NOT_DISABLED("UserNotDisabled", null, "only a disabled account can be re-enabled"),
    OWN_PASSWORD_ONLY("OwnPasswordOnly", null,
            "people change only their own password; an admin forces a reset instead"),
    ACCOUNT_DISABLED("AccountDisabled", null, "a disabled account cannot change its password");

    private final String ruleName;
    private final String field;
    private final String description;

    UserRule(String ruleName, String field, String description) {
        this.ruleName = ruleName;
        this.field = field;
        this.description = description;
    }

    public String ruleName() {
        return ruleName;
    }

    /** The request field the rule is about, or null for a rule about the account's state. */
    public String field() {
        return field;
    }

    public String description() {
        return description;
    }
}
