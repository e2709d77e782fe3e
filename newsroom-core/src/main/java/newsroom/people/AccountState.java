package newsroom.people;

import java.util.Set;

/**
 * Everything the account rules decide on, as one immutable value: the {@link UserAccount} aggregate keeps its
 * state in it, and the API builds one from the users read model to ask {@link AccountActions} what an admin may
 * do with the account.
 */
public record AccountState(String username, Set<Role> roles, Set<String> groups, boolean enabled) {

    public AccountState {
        roles = Set.copyOf(roles);
        groups = Set.copyOf(groups);
    }

    AccountState withRoles(Set<Role> newRoles) {
        return new AccountState(username, newRoles, groups, enabled);
    }

    AccountState withGroups(Set<String> newGroups) {
        return new AccountState(username, roles, newGroups, enabled);
    }

    AccountState withEnabled(boolean nowEnabled) {
        return new AccountState(username, roles, groups, nowEnabled);
    }
}
