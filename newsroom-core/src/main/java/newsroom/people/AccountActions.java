package newsroom.people;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The decision function for accounts: what may this person do to this account now? Built from the checks the
 * {@link UserAccount} aggregate enforces ({@link UserRules}), so it offers exactly the commands the aggregate would
 * accept with some valid value. The API puts the answer on each account it lists for an admin.
 */
public final class AccountActions {

    private AccountActions() {
    }

    public static Set<AccountAction> allowedFor(AccountState account, Actor actor) {
        Set<AccountAction> allowed = EnumSet.noneOf(AccountAction.class);
        for (AccountAction action : AccountAction.values()) {
            if (verdict(action, account, actor).isEmpty()) {
                allowed.add(action);
            }
        }
        return allowed;
    }

    private static Optional<RuntimeException> verdict(AccountAction action, AccountState account, Actor actor) {
        return switch (action) {
            case CHANGE_ROLES -> UserRules.changeRoles(account, actor);
            case CHANGE_GROUPS -> UserRules.changeGroups(account, actor);
            case DISABLE -> UserRules.disable(account, actor);
            case RE_ENABLE -> UserRules.reEnable(account, actor);
            case RESET_PASSWORD -> UserRules.resetPassword(account, actor);
            case CHANGE_PASSWORD -> UserRules.changePassword(account, actor);
        };
    }
}
