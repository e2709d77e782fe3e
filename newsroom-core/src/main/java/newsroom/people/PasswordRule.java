package newsroom.people;

/** The named rules a new password must keep (see {@link PasswordPolicy}); the API answers a broken one with 400. */
public enum PasswordRule {
    PASSWORD_TOO_SHORT("PasswordTooShort", "a password has at least " + PasswordPolicy.MIN_LENGTH + " characters"),
    PASSWORD_TOO_LONG("PasswordTooLong", "a password has at most " + PasswordPolicy.MAX_BYTES
            + " bytes in UTF-8, the most a bcrypt hash takes into account"),
    PASSWORD_EQUALS_USERNAME("PasswordEqualsUsername", "a password is not the username"),
    PASSWORD_TOO_COMMON("PasswordTooCommon", "a password is not one of the most used passwords, also not with"
            + " letters swapped for look-alike digits or symbols"),
    PASSWORD_TOO_GUESSABLE("PasswordTooGuessable", "a password is not easy to guess: no keyboard rows, repeats,"
            + " sequences or common words and names with a few digits"),
    NEW_PASSWORD_MUST_DIFFER("NewPasswordMustDiffer", "a new password differs from the current one");

    private final String ruleName;
    private final String description;

    PasswordRule(String ruleName, String description) {
        this.ruleName = ruleName;
        this.description = description;
    }

    public String ruleName() {
        return ruleName;
    }

    public String description() {
        return description;
    }
}
