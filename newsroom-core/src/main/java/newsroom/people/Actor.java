package newsroom.people;

import java.util.Objects;
import java.util.Set;

/**
 * Who issues a command. The web layer turns the authenticated principal into an actor (roles and groups from the
 * user directory), so the domain can apply rules that depend on people (four eyes, own drafts, the group that
 * signs an approval step) without knowing about security.
 *
 * @param groups the groups the person belongs to, e.g. {@code communications}, {@code legal}, a desk
 */
public record Actor(String username, Set<Role> roles, Set<String> groups) {

    private static final String SYSTEM_PREFIX = "system:";

    public Actor {
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }

    /** A person with these roles and no group. */
    public static Actor of(String username, Role... roles) {
        return new Actor(username, Set.of(roles), Set.of());
    }

    /**
     * Newsroom itself acting as an administrator (creating the first admin, seeding demo people); events name it
     * as {@code system:<task>}, which can never be a username.
     */
    public static Actor system(String task) {
        return new Actor(SYSTEM_PREFIX + task, Set.of(Role.ADMIN), Set.of());
    }

    /** Whether this is Newsroom itself ({@link #system}) rather than a person. */
    public boolean isSystem() {
        return username.startsWith(SYSTEM_PREFIX);
    }

    /**
     * Newsroom publishing a placement at its slot: it acts with an editor's role, so every rule that applies to an
     * editor publishing (approvals, embargo, crisis mode, quiet periods) applies to it, and events name it
     * {@code system:scheduler}, distinct from every person.
     */
    public static Actor scheduler() {
        return new Actor(SCHEDULER, Set.of(Role.EDITOR), Set.of());
    }

    public static final String SCHEDULER = "system:scheduler";

    /** The same person as a member of exactly these groups. */
    public Actor inGroups(String... memberOf) {
        return new Actor(username, roles, Set.of(memberOf));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean belongsTo(String group) {
        return groups.contains(group);
    }

    /** Whether one of this person's roles allows the action (the role→action table, {@link Action}). */
    public boolean may(Action action) {
        return action.allowedFor(roles);
    }
}
