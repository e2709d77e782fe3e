package newsroom.api.security;

import java.time.ZoneId;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import newsroom.api.people.UserCommands;
import newsroom.api.people.UserDirectory;
import newsroom.api.web.CarriesSecrets;
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
    private final BrowserSessions sessions;

    /**
     * @param timeZone the calendar's zone ({@code CalendarProperties#timeZone}), read as a property
     *                 because security must not depend on the calendar package (ApiArchitectureTest);
     *                 the default repeats CalendarProperties' UTC
     */
    MeController(Permissions permissions, UserDirectory directory, UserCommands users,
                 @Value("${newsroom.calendar.time-zone:UTC}") ZoneId timeZone, BrowserSessions sessions) {
        this.sessions = sessions;
        this.permissions = permissions;
        this.directory = directory;
        this.users = users;
        this.timeZone = timeZone;
    }

    record PasswordChange(@NotNull String currentPassword, @NotNull String newPassword) {
    }

    @GetMapping("/api/me")
    Me me() {
        return Me.of(permissions.current(), directory, timeZone);
    }

    /**
     * Sets a new password after proving the current one; the old one stops working at once, and with it the
     * person's other browser sessions. The session this came from goes on (at the account's new version).
     */
    @PostMapping("/api/me/password")
    @CarriesSecrets
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@Valid @RequestBody PasswordChange change, HttpServletRequest request,
                        HttpServletResponse response) {
        users.changePassword(permissions.current(), change.currentPassword(), change.newPassword());
        sessions.continueAfterOwnChange(directory, request, response);
    }
}
