package newsroom.api.security;

import java.util.function.Supplier;

import newsroom.api.web.ProblemException;
import newsroom.api.web.ProblemType;
import newsroom.api.web.Problems;
import newsroom.people.Action;
import newsroom.people.Actor;
import newsroom.people.MissingRole;
import org.springframework.http.ProblemDetail;

/** None of the user's roles may take the action (the domain's {@link MissingRole}). Answered 403; nothing changes. */
public class ActionNotAllowed extends ProblemException {

    private final Action action;

    public ActionNotAllowed(MissingRole refusal) {
        super(refusal.getMessage());
        this.action = refusal.action();
    }

    ActionNotAllowed(Action action, Actor actor) {
        this(new MissingRole(action, actor));
    }

    /** Runs a command, answering the domain's {@code MissingRole} as this 403. */
    static <T> T refusedForRole(Supplier<T> command) {
        try {
            return command.get();
        } catch (MissingRole e) {
            throw new ActionNotAllowed(e);
        }
    }

    @Override
    public ProblemDetail problem() {
        ProblemDetail problem = Problems.of(ProblemType.FORBIDDEN, getMessage());
        problem.setProperty("action", action.name());
        return problem;
    }
}
