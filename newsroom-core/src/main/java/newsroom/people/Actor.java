package newsroom.people;

import java.util.Objects;
import java.util.Set;

/**
 * Who issues a command. The web layer turns the authenticated principal into an actor, so the domain
 * can apply rules that depend on people (four eyes, own drafts) without knowing about security.
 */
public record Actor(String username, Set<Role> roles) {

    public Actor {
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
    }

    public static Actor of(String username, Role... roles) {
        return new Actor(username, Set.of(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether one of this person's roles allows the action (the role→action table, {@link Action}). */
    public boolean may(Action action) {
        return action.allowedFor(roles);
    }
}
