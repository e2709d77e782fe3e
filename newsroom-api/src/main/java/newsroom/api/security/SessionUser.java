package newsroom.api.security;

import java.io.Serializable;

import newsroom.people.SignInMethod;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * Who a browser session belongs to, as stored in the session (in MongoDB): the username, how they signed in, and
 * the account version they signed in at. The session holds only while the account is enabled and still at that
 * version ({@link SessionStillValid}): disabling the account or changing its roles, groups or password ends it.
 */
record SessionUser(String username, long accountVersion, SignInMethod method)
        implements AuthenticatedPrincipal, Serializable {

    @Override
    public String getName() {
        return username;
    }
}
