package newsroom.api.security;

import java.time.ZoneId;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import newsroom.api.people.NewsroomUser;
import newsroom.api.people.UserCommands;
import newsroom.api.people.UserDirectory;
import newsroom.people.Action;
import newsroom.people.Actor;
import newsroom.people.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who the signed-in user is and what they may do, so the dashboard offers only allowed actions, and the
 * newsroom's time zone, in which the dashboard shows times and reads the times people type; and the user's own
 * password. Both work while a one-time password must still be replaced, and only they do.
 */
@RestController
class MeController {

    private final Permissions permissions;
    private final UserDirectory directory;
    private final UserCommands users;
    private final ZoneId timeZone;

    /**
     * @param timeZone the calendar's zone ({@code CalendarProperties#timeZone}), read as a property
     *                 because security must not depend on the calendar package (ApiArchitectureTest);
     *                 the default repeats CalendarProperties' UTC
     */
    MeController(Permissions permissions, UserDirectory directory, UserCommands users,
                 @Value("${newsroom.calendar.time-zone:UTC}") ZoneId timeZone) {
        this.permissions = permissions;
        this.directory = directory;
        this.users = users;
        this.timeZone = timeZone;
    }

    /**
     * @param groups                 e.g. the approval steps the user signs
     * @param actions                what the user's roles allow, from the domain's role→action table (none while
     *                               {@code passwordChangeRequired})
     * @param passwordChangeRequired signed in with a one-time password: only setting a new one is allowed
     * @param timeZone               the newsroom's zone, an IANA id
     */
    record Me(String username, String displayName, Set<Role> roles, Set<String> groups, Set<Action> actions,
              boolean passwordChangeRequired, String timeZone) {
    }

    record PasswordChange(@NotNull String currentPassword, @NotNull String newPassword) {
    }

    @GetMapping("/api/me")
    Me me() {
        Actor actor = permissions.current();
        NewsroomUser account = directory.find(actor.username()).orElse(null);
        boolean changeRequired = account != null && account.passwordChangeRequired();
        return new Me(actor.username(), account == null ? actor.username() : account.displayName(), actor.roles(),
                actor.groups(), changeRequired ? Set.of() : Action.forRoles(actor.roles()), changeRequired,
                timeZone.getId());
    }

    /** Sets a new password after proving the current one; the old one stops working at once. */
    @PostMapping("/api/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@Valid @RequestBody PasswordChange change) {
        users.changePassword(permissions.current(), change.currentPassword(), change.newPassword());
    }
}
