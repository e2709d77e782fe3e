package newsroom.api.security;

import java.security.Principal;

import newsroom.api.people.ApiTokens;
import newsroom.api.people.NewsroomUser;
import newsroom.api.people.UserDirectory;
import org.springframework.security.core.Authentication;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Whether something that was signed in a while ago — an open live connection — still is: its browser session still
 * exists and its account is enabled and unchanged, or its API token still signs in and its owner is enabled, or
 * (HTTP Basic, demo only) its account is enabled and unchanged.
 */
@Component
public class SignInChecks {

    private final UserDirectory directory;
    private final ApiTokens tokens;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    SignInChecks(UserDirectory directory, ApiTokens tokens,
                 FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.directory = directory;
        this.tokens = tokens;
        this.sessions = sessions;
    }

    /** @param httpSessionId the browser session the connection was opened in, if any */
    public boolean stillSignedIn(Principal principal, String httpSessionId) {
        if (!(principal instanceof Authentication signedIn) || !signedIn.isAuthenticated()) {
            return false;
        }
        Object who = signedIn.getPrincipal();
        if (who instanceof SessionUser user) {
            return SessionStillValid.stillValid(user, directory)
                    && (httpSessionId == null || sessions.findById(httpSessionId) != null);
        }
        String tokenId = ApiTokenIntrospector.tokenIdOf(who);
        if (tokenId != null) {
            return tokens.signsIn(tokenId) && enabled(signedIn.getName());
        }
        if (who instanceof SignedInUser user) {
            return user.stillCurrent(directory);
        }
        return false;
    }

    private boolean enabled(String username) {
        return directory.find(username).filter(NewsroomUser::enabled).isPresent();
    }
}
