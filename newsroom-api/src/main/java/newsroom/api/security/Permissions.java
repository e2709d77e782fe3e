package newsroom.api.security;

import newsroom.people.Action;
import newsroom.people.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Turns the signed-in user into the domain's {@link Actor} and checks the domain's role→action table
 * ({@link Action}) for them, so a request without a role that may is refused before anything else (403).
 */
@Component
public class Permissions {

    /** The signed-in user as an actor. */
    public Actor current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return NewsroomRoles.actorOf(authentication);
    }

    /** The signed-in user as an actor, after checking they may perform the action. */
    public Actor require(Action action) {
        Actor actor = current();
        if (!actor.may(action)) {
            throw new ActionNotAllowed(action, actor);
        }
        return actor;
    }
}
