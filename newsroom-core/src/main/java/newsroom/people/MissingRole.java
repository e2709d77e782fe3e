package newsroom.people;

import java.util.stream.Collectors;

/**
 * Refused because none of the actor's roles may take the action (see {@link Action}). Nothing changes.
 * The API answers it 403.
 */
public class MissingRole extends RuntimeException {

    private final Action action;
    private final Actor actor;

    public MissingRole(Action action, Actor actor) {
        super(actor.username() + " may not " + action.name().toLowerCase().replace('_', ' ')
                + "; that needs the role " + action.allowedRoles().stream().map(Role::name).sorted()
                .collect(Collectors.joining(" or ")) + ".");
        this.action = action;
        this.actor = actor;
    }

    public Action action() {
        return action;
    }

    public Actor actor() {
        return actor;
    }
}
