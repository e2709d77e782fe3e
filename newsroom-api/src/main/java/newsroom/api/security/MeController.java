package newsroom.api.security;

import java.time.ZoneId;
import java.util.Set;

import newsroom.people.Action;
import newsroom.people.Actor;
import newsroom.people.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who the signed-in user is and what they may do, so the dashboard offers only allowed actions, and
 * the newsroom's time zone, in which the dashboard shows times and reads the times people type.
 */
@RestController
class MeController {

    private final Permissions permissions;
    private final NewsroomUsersProperties users;
    private final ZoneId timeZone;

    /**
     * @param timeZone the calendar's zone ({@code CalendarProperties#timeZone}), read as a property
     *                 because security must not depend on the calendar package (ApiArchitectureTest);
     *                 the default repeats CalendarProperties' UTC
     */
    MeController(Permissions permissions, NewsroomUsersProperties users,
                 @Value("${newsroom.calendar.time-zone:UTC}") ZoneId timeZone) {
        this.permissions = permissions;
        this.users = users;
        this.timeZone = timeZone;
    }

    /**
     * @param actions  what the user's roles allow, from the domain's role→action table
     * @param timeZone the newsroom's zone, an IANA id
     */
    record Me(String username, String displayName, Set<Role> roles, Set<Action> actions, String timeZone) {
    }

    @GetMapping("/api/me")
    Me me() {
        Actor actor = permissions.current();
        String displayName = users.users().stream().filter(user -> user.username().equals(actor.username()))
                .map(NewsroomUsersProperties.User::displayName).filter(name -> name != null && !name.isBlank())
                .findFirst().orElse(actor.username());
        return new Me(actor.username(), displayName, actor.roles(), Action.forRoles(actor.roles()), timeZone.getId());
    }
}
