package newsroom.api.security;

import java.util.Optional;
import java.util.Set;

import newsroom.api.people.NewsroomUser;
import newsroom.api.people.UserDirectory;
import newsroom.people.Action;
import newsroom.people.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Turns the signed-in user into the domain's {@link Actor} — their roles and groups as the user directory has them
 * now — and checks the domain's role→action table ({@link Action}) for them, so a request without a role that may
 * is refused before anything else (403). Whoever must still replace a one-time password may do nothing else (403,
 * {@code PasswordChangeRequired}).
 */
@Component
public class Permissions {

    private final UserDirectory directory;

    Permissions(UserDirectory directory) {
        this.directory = directory;
    }

    /** The signed-in user as an actor; without roles if the directory does not know them (any more). */
    public Actor current() {
        String username = signedInName();
        return account(username).map(NewsroomUser::actor).orElse(new Actor(username, Set.of(), Set.of()));
    }

    /** The signed-in user as an actor, after checking they may perform the action. */
    public Actor require(Action action) {
        String username = signedInName();
        Optional<NewsroomUser> account = account(username);
        if (account.map(NewsroomUser::passwordChangeRequired).orElse(false)) {
            throw new PasswordChangeRequired(username);
        }
        Actor actor = account.map(NewsroomUser::actor).orElse(new Actor(username, Set.of(), Set.of()));
        if (!actor.may(action)) {
            throw new ActionNotAllowed(action, actor);
        }
        return actor;
    }

    /**
     * Like {@link #require}, and the request must be signed in by the person (a session, a password), not by an API
     * token: for what would outlive the token, such as making another token.
     *
     * @param what the action in words, for the refusal
     */
    public Actor requireInPerson(Action action, String what) {
        Actor actor = require(action);
        if (ApiTokenIntrospector.tokenIdOf(SecurityContextHolder.getContext().getAuthentication().getPrincipal()) != null) {
            throw new ApiTokenNotAllowed(what);
        }
        return actor;
    }

    private Optional<NewsroomUser> account(String username) {
        return directory.findRequester(username).filter(NewsroomUser::enabled);
    }

    private static String signedInName() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication.getName();
    }
}
