package newsroom.api.people;

import java.time.Instant;
import java.util.Set;

import newsroom.people.AccountState;
import newsroom.people.Actor;
import newsroom.people.Role;

/**
 * A person as the user directory knows them, without any secret: what sign-in, permissions, people pickers and
 * the account admin read.
 *
 * @param enabled                false once an admin disabled the account: it cannot sign in
 * @param passwordChangeRequired the password is a one-time password (first start, admin reset): the person must
 *                               set a new one before doing anything else
 * @param version                the account's version (its last event's sequence number); it moves with every
 *                               change, so whatever was decided on an older version can tell it is stale
 */
public record NewsroomUser(String username, String displayName, Set<Role> roles, Set<String> groups, boolean enabled,
                           boolean passwordChangeRequired, Instant registeredAt, String registeredBy, long version) {

    public NewsroomUser {
        roles = Set.copyOf(roles);
        groups = Set.copyOf(groups);
    }

    /** The person as the domain sees them when they act: their roles and their groups. */
    public Actor actor() {
        return new Actor(username, roles, groups);
    }

    /** The account as the domain's account rules see it. */
    public AccountState accountState() {
        return new AccountState(username, roles, groups, enabled);
    }
}
