package newsroom.people;

import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Every rule about user accounts, once. One method per command says whether this person may give it now; the
 * {@link UserAccount} aggregate enforces the answer and {@link AccountActions} offers exactly what these methods
 * allow. Checks run in order and the first refusal wins: the role (from {@link Action}), then the account's
 * state, then the command's own values. An empty answer means allowed.
 * <p>
 * Why there is always an enabled admin: only an enabled admin may disable an account or take a role away, and
 * nobody may do either to themself ({@link UserRule#CANNOT_DISABLE_YOURSELF},
 * {@link UserRule#CANNOT_REVOKE_YOUR_OWN_ADMIN_ROLE}), so whoever removes an admin remains one.
 */
final class UserRules {

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{0,30}[a-z0-9]");

    private UserRules() {
    }

    /** {@code existing}: the account's state if the username is already registered, otherwise null. */
    static Optional<RuntimeException> register(AccountState existing, Actor actor, String username, Set<Role> roles,
                                               Set<String> groups) {
        return first(() -> role(actor, Action.MANAGE_USERS), () -> usernameFormat(username),
                () -> atLeastOneRole(roles), () -> groupNames(groups),
                () -> existing == null ? null : violation(UserRule.USERNAME_TAKEN, "'" + username + "' is taken"));
    }

    static Optional<RuntimeException> changeRoles(AccountState account, Actor actor) {
        return first(() -> role(actor, Action.MANAGE_USERS));
    }

    static Optional<RuntimeException> changeRoles(AccountState account, Actor actor, Set<Role> roles) {
        return changeRoles(account, actor).or(() -> first(() -> atLeastOneRole(roles),
                () -> keepsOwnAdminRole(account, actor, roles)));
    }

    static Optional<RuntimeException> changeGroups(AccountState account, Actor actor) {
        return first(() -> role(actor, Action.MANAGE_USERS));
    }

    static Optional<RuntimeException> changeGroups(AccountState account, Actor actor, Set<String> groups) {
        return changeGroups(account, actor).or(() -> first(() -> groupNames(groups)));
    }

    static Optional<RuntimeException> disable(AccountState account, Actor actor) {
        return first(() -> role(actor, Action.MANAGE_USERS),
                () -> actor.username().equals(account.username())
                        ? violation(UserRule.CANNOT_DISABLE_YOURSELF, actor.username() + " cannot disable their own account")
                        : null,
                () -> account.enabled() ? null
                        : violation(UserRule.USER_ALREADY_DISABLED, account.username() + " is already disabled"));
    }

    static Optional<RuntimeException> reEnable(AccountState account, Actor actor) {
        return first(() -> role(actor, Action.MANAGE_USERS),
                () -> account.enabled() ? violation(UserRule.USER_NOT_DISABLED, account.username() + " is enabled") : null);
    }

    static Optional<RuntimeException> resetPassword(AccountState account, Actor actor) {
        return first(() -> role(actor, Action.MANAGE_USERS));
    }

    static Optional<RuntimeException> changePassword(AccountState account, Actor actor) {
        return first(
                () -> actor.username().equals(account.username()) ? null : violation(UserRule.OWN_PASSWORD_ONLY,
                        actor.username() + " cannot change the password of " + account.username()),
                () -> account.enabled() ? null
                        : violation(UserRule.ACCOUNT_DISABLED, account.username() + " is disabled"));
    }

    // ---- the rules themselves

    private static RuntimeException role(Actor actor, Action action) {
        return actor.may(action) ? null : new MissingRole(action, actor);
    }

    private static RuntimeException usernameFormat(String username) {
        return username != null && USERNAME.matcher(username).matches() ? null
                : violation(UserRule.USERNAME_FORMAT, "'" + username + "' is not a valid username");
    }

    private static RuntimeException atLeastOneRole(Set<Role> roles) {
        return roles != null && !roles.isEmpty() ? null
                : violation(UserRule.AT_LEAST_ONE_ROLE, "an account needs at least one role");
    }

    private static RuntimeException groupNames(Set<String> groups) {
        return groups.stream().filter(group -> !GroupNames.isValid(group)).findFirst()
                .map(bad -> violation(UserRule.GROUP_NAME_FORMAT, "'" + bad + "' is not a valid group name"))
                .orElse(null);
    }

    private static RuntimeException keepsOwnAdminRole(AccountState account, Actor actor, Set<Role> roles) {
        boolean own = actor.username().equals(account.username());
        return own && account.roles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN)
                ? violation(UserRule.CANNOT_REVOKE_YOUR_OWN_ADMIN_ROLE, actor.username() + " cannot drop their own ADMIN role")
                : null;
    }

    private static UserRuleViolation violation(UserRule rule, String detail) {
        return new UserRuleViolation(rule, detail);
    }

    /** The first refusal of the checks, in order. */
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
