package newsroom.api.security;

import newsroom.api.web.ProblemException;
import newsroom.api.web.Problems;
import newsroom.people.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The user's roles do not include one allowed for the action. Answered 403; nothing changes. */
public class ActionNotAllowed extends ProblemException {

    private final Action action;

    ActionNotAllowed(Action action, Actor actor) {
        super(actor.username() + " may not " + action.name().toLowerCase().replace('_', ' ')
                + "; that needs the role " + NewsroomRoles.describe(action.allowedRoles()) + ".");
        this.action = action;
    }

    @Override
    public ProblemDetail problem() {
        ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", getMessage());
        problem.setProperty("action", action.name());
        return problem;
    }
}
