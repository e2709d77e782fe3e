package newsroom.api.security;

import java.time.ZoneId;
import java.util.Set;

import newsroom.api.people.NewsroomUser;
import newsroom.api.people.UserDirectory;
import newsroom.people.Action;
import newsroom.people.Actor;
import newsroom.people.Role;

/**
 * Who the signed-in user is ({@code GET /api/me}, and the answer to a sign-in).
 *
 * @param groups                 e.g. the approval steps the user signs
 * @param actions                what the user's roles allow, from the domain's role→action table (none while
 *                               {@code passwordChangeRequired})
 * @param passwordChangeRequired signed in with a one-time password: only setting a new one is allowed
 * @param timeZone               the newsroom's zone, an IANA id
 */
record Me(String username, String displayName, Set<Role> roles, Set<String> groups, Set<Action> actions,
          boolean passwordChangeRequired, String timeZone) {

    static Me of(Actor actor, UserDirectory directory, ZoneId timeZone) {
        NewsroomUser account = directory.find(actor.username()).orElse(null);
        boolean changeRequired = account != null && account.passwordChangeRequired();
        return new Me(actor.username(), account == null ? actor.username() : account.displayName(), actor.roles(),
                actor.groups(), changeRequired ? Set.of() : Action.forRoles(actor.roles()), changeRequired,
                timeZone.getId());
    }
}
