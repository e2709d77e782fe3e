package newsroom.api.security;

import java.util.EnumSet;
import java.util.Set;

import newsroom.people.Role;

/**
 * What a user can ask Newsroom to do, and which roles may. The server checks these on every request;
 * the dashboard reads them to offer only the buttons a user may use. Admins may do everything.
 */
public enum Action {
    PITCH(Role.CONTRIBUTOR, Role.EDITOR, Role.GOVERNANCE_LEAD),
    ACCEPT_PITCH(Role.EDITOR),
    DECLINE_PITCH(Role.EDITOR),
    EDIT_DRAFT(Role.CONTRIBUTOR, Role.EDITOR),
    ASSIGN(Role.EDITOR),
    SUBMIT(Role.CONTRIBUTOR, Role.EDITOR),
    APPROVE(Role.GOVERNANCE_LEAD),
    REQUEST_CHANGES(Role.GOVERNANCE_LEAD),
    PLAN_PLACEMENT(Role.EDITOR),
    RESCHEDULE_PLACEMENT(Role.EDITOR),
    CANCEL_PLACEMENT(Role.EDITOR),
    PUBLISH_PLACEMENT(Role.EDITOR),
    KILL_STORY(Role.EDITOR, Role.GOVERNANCE_LEAD),
    COMMENT(Role.CONTRIBUTOR, Role.EDITOR, Role.GOVERNANCE_LEAD),
    DEFINE_CAMPAIGN(Role.EDITOR, Role.GOVERNANCE_LEAD),
    DEFINE_BLACKOUT(Role.GOVERNANCE_LEAD),
    MANAGE_PROJECTIONS(),
    READ(Role.VIEWER, Role.CONTRIBUTOR, Role.EDITOR, Role.GOVERNANCE_LEAD);

    private final Set<Role> allowed;

    Action(Role... allowed) {
        Set<Role> roles = EnumSet.of(Role.ADMIN, allowed);
        this.allowed = roles;
    }

    public Set<Role> allowedRoles() {
        return allowed;
    }

    public boolean allowedFor(Set<Role> roles) {
        return roles.stream().anyMatch(allowed::contains);
    }
}
