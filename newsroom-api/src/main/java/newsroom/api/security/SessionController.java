package newsroom.api.security;

import java.time.ZoneId;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import newsroom.api.people.NewsroomUser;
import newsroom.api.people.UserDirectory;
import newsroom.api.security.signin.SignInRecords;
import newsroom.api.web.CarriesSecrets;
import newsroom.people.SignInMethod;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Browser sign-in: which ways there are ({@code GET /api/session/options}, open to all, also hands out the CSRF
 * cookie), signing in with username and password ({@code POST /api/session}, answered with who I am) and signing
 * out ({@code DELETE /api/session}). Single sign-on starts at the {@code loginUrl} the options name.
 */
@RestController
class SessionController {

    private final PasswordSignIn passwords;
    private final BrowserSessions sessions;
    private final UserDirectory directory;
    private final Permissions permissions;
    private final SignInRecords records;
    private final SecurityProperties properties;
    private final ZoneId timeZone;

    SessionController(PasswordSignIn passwords, BrowserSessions sessions, UserDirectory directory,
                      Permissions permissions, SignInRecords records, SecurityProperties properties,
                      @Value("${newsroom.calendar.time-zone:UTC}") ZoneId timeZone) {
        this.passwords = passwords;
        this.sessions = sessions;
        this.directory = directory;
        this.permissions = permissions;
        this.records = records;
        this.properties = properties;
        this.timeZone = timeZone;
    }

    /**
     * @param password whether username and password sign in here (always)
     * @param sso      the organisation's single sign-on, when configured: what to call it and where it starts
     */
    record SessionOptions(boolean password, SingleSignOn sso) {
    }

    record SingleSignOn(String name, String loginUrl) {
    }

    record SignInRequest(@NotNull String username, @NotNull String password) {
    }

    @GetMapping("/api/session/options")
    SessionOptions options(HttpServletRequest request) {
        // reading the token sets the XSRF-TOKEN cookie the dashboard sends back as X-XSRF-TOKEN
        ((CsrfToken) request.getAttribute(CsrfToken.class.getName())).getToken();
        SecurityProperties.Oidc oidc = properties.oidc();
        return new SessionOptions(true, oidc.enabled()
                ? new SingleSignOn(oidc.name(), OidcSignIn.LOGIN_URL) : null);
    }

    /** 401 {@code sign-in-failed} for a wrong username or password or a disabled account, alike; 429 when throttled. */
    @PostMapping("/api/session")
    @CarriesSecrets
    Me signIn(@Valid @RequestBody SignInRequest request, HttpServletRequest http, HttpServletResponse response) {
        Authentication checked;
        try {
            checked = passwords.signIn(request.username(), request.password(), http.getRemoteAddr(),
                    SignInMethod.PASSWORD);
        } catch (AuthenticationException refused) {
            throw new SignInRefused(refused);
        }
        NewsroomUser account = directory.find(checked.getName()).orElseThrow();
        sessions.start(account, SignInMethod.PASSWORD, http, response);
        return Me.of(permissions.current(), directory, timeZone);
    }

    /** Ends this browser's session (204); without one, there is nothing to end (204 too). */
    @DeleteMapping("/api/session")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void signOut(HttpServletRequest http, HttpServletResponse response) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current != null && current.getPrincipal() instanceof SessionUser user) {
            records.signedOut(user.username(), http.getRemoteAddr());
        }
        sessions.end(http, response);
    }
}
