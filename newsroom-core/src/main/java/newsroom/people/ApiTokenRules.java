package newsroom.people;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every rule about personal API tokens, once, in the order they are checked: the role, whose token it is, then
 * the command's own values. An empty answer means allowed.
 */
final class ApiTokenRules {

    /** A year, and a day to spare for "a year from today" picked at any hour. */
    static final int MAX_LIFETIME_DAYS = 366;
    private static final int MAX_NAME_LENGTH = 100;

    private ApiTokenRules() {
    }

    static Optional<RuntimeException> create(Actor actor, String owner, String name, Instant createdAt,
                                             Instant expiresAt) {
        return first(() -> actor.may(Action.READ) ? null : new MissingRole(Action.READ, actor),
                () -> actor.username().equals(owner) ? null : violation(ApiTokenRule.OWN_TOKENS_ONLY,
                        actor.username() + " cannot create a token for " + owner),
                () -> nameFormat(name),
                () -> expiresAt != null ? null
                        : violation(ApiTokenRule.TOKEN_EXPIRY_REQUIRED, "the token needs an expiry date"),
                () -> expiresAt.isAfter(createdAt) ? null
                        : violation(ApiTokenRule.TOKEN_EXPIRY_IN_THE_PAST, "the expiry " + expiresAt + " has passed"),
                () -> !expiresAt.isAfter(createdAt.plus(Duration.ofDays(MAX_LIFETIME_DAYS))) ? null
                        : violation(ApiTokenRule.TOKEN_LIFETIME_TOO_LONG, "the expiry " + expiresAt
                                + " is more than " + MAX_LIFETIME_DAYS + " days away"));
    }

    /** {@code owner}: whose token it is; {@code revoked}: whether it already was. */
    static Optional<RuntimeException> revoke(String owner, boolean revoked, Actor actor) {
        return first(() -> actor.username().equals(owner) || actor.may(Action.MANAGE_USERS) ? null
                        : new MissingRole(Action.MANAGE_USERS, actor),
                () -> revoked ? violation(ApiTokenRule.TOKEN_ALREADY_REVOKED, "the token is already revoked") : null);
    }

    private static RuntimeException nameFormat(String name) {
        boolean valid = name != null && !name.isBlank() && name.length() <= MAX_NAME_LENGTH
                && name.chars().noneMatch(Character::isISOControl);
        return valid ? null : violation(ApiTokenRule.TOKEN_NAME_FORMAT, "'" + name + "' is not a valid token name");
    }

    private static ApiTokenRuleViolation violation(ApiTokenRule rule, String detail) {
        return new ApiTokenRuleViolation(rule, detail);
    }

    @SafeVarargs
    private static Optional<RuntimeException> first(Supplier<RuntimeException>... checks) {
        for (Supplier<RuntimeException> check : checks) {
            RuntimeException refusal = check.get();
            if (refusal != null) {
                return Optional.of(refusal);
            }
        }
        return Optional.empty();
    }
}
