package newsroom.api.security;

import newsroom.people.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Checks an {@link Action} for the signed-in user and turns them into the domain's {@link Actor}. */
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
        if (!action.allowedFor(actor.roles())) {
            throw new ActionNotAllowed(action, actor);
        }
        return actor;
    }
}
