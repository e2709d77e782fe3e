package newsroom.people;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a person can ask Newsroom to do, and which roles may: the role→action table, in one place.
 * <p>
 * The table answers the role-level question (may an editor publish at all?). Whether this person may do it
 * to this story now is {@link newsroom.story.StoryActions}' answer, which starts from this table. The API,
 * the STOMP topic checks and {@code GET /api/me} all ask this table.
 * <p>
 * ADMIN is operations (users, roles, channels, approval policies, read models), not editorial work: it reads, manages
 * projections and user accounts, nothing else. Someone who runs operations and also edits holds both roles.
 * AUDITOR reads everything, including the record of who changed which account, and changes nothing.
 */
public enum Action {
    PITCH(Scope.NEWSROOM, Role.CONTRIBUTOR, Role.EDITOR, Role.GOVERNANCE_LEAD),
    ACCEPT_PITCH(Scope.STORY, Role.EDITOR),
    DECLINE_PITCH(Scope.STORY, Role.EDITOR),
    EDIT_DRAFT(Scope.STORY, Role.CONTRIBUTOR, Role.EDITOR),
    ASSIGN(Scope.STORY, Role.EDITOR),
    SUBMIT(Scope.STORY, Role.CONTRIBUTOR, Role.EDITOR),
    APPROVE(Scope.STORY, Role.GOVERNANCE_LEAD),
    /**
     * Sign a group's approval steps on a governance lead's behalf while holding their delegation: someone who takes
     * part in editorial work, not a reader (viewer, auditor) or operations alone.
     */
    SIGN_ON_BEHALF(Scope.NEWSROOM, Role.CONTRIBUTOR, Role.EDITOR, Role.GOVERNANCE_LEAD),
    REQUEST_CHANGES(Scope.STORY, Role.GOVERNANCE_LEAD),
    PLAN_PLACEMENT(Scope.STORY, Role.EDITOR),
    RESCHEDULE_PLACEMENT(Scope.PLACEMENT, Role.EDITOR),
    CANCEL_PLACEMENT(Scope.PLACEMENT, Role.EDITOR),
    PUBLISH_PLACEMENT(Scope.PLACEMENT, Role.EDITOR),
    /** Send a published placement whose delivery failed to its channel's system again. */
    REDELIVER_PLACEMENT(Scope.PLACEMENT, Role.EDITOR),
    /** Let a placement paused by crisis mode go out at its slot again (a governance lead may, as part of the crisis). */
    RESUME_PLACEMENT(Scope.PLACEMENT, Role.EDITOR, Role.GOVERNANCE_LEAD),
    /** Let one placement go out in a quiet period of its channel, with a stated reason. */
    OVERRIDE_QUIET_PERIOD(Scope.PLACEMENT, Role.GOVERNANCE_LEAD),
    KILL_STORY(Scope.STORY, Role.EDITOR, Role.GOVERNANCE_LEAD),
    COMMENT(Scope.STORY, Role.CONTRIBUTOR, Role.EDITOR, Role.GOVERNANCE_LEAD),
    DEFINE_CAMPAIGN(Scope.NEWSROOM, Role.EDITOR, Role.GOVERNANCE_LEAD),
    DEFINE_BLACKOUT(Scope.NEWSROOM, Role.GOVERNANCE_LEAD),
    /** Delegate signing for a period to another member of the same group. */
    DELEGATE_SIGNING(Scope.NEWSROOM, Role.GOVERNANCE_LEAD),
    /** Add, rename, change and retire channels. */
    MANAGE_CHANNELS(Scope.NEWSROOM, Role.ADMIN),
    /** Define approval policies (new versions apply to stories submitted afterwards). */
    MANAGE_APPROVAL_POLICIES(Scope.NEWSROOM, Role.ADMIN),
    /** Switch crisis mode on or end it, and decide in bulk what happens to the placements it paused. */
    SWITCH_CRISIS_MODE(Scope.NEWSROOM, Role.GOVERNANCE_LEAD),
    MANAGE_PROJECTIONS(Scope.NEWSROOM, Role.ADMIN),
    /** Set each channel's outgoing connector (webhook URL and secret) and what happens to a missed slot. */
    MANAGE_CONNECTORS(Scope.NEWSROOM, Role.ADMIN),
    /** Register people, change their roles and groups, disable and re-enable them, force a password reset. */
    MANAGE_USERS(Scope.NEWSROOM, Role.ADMIN),
    /**
     * Read the record beyond a story's own history: every account with its state and who changed it (the audit
     * view joins it). Admins have it because they run the accounts; auditors because checking is their job.
     */
    READ_AUDIT_TRAIL(Scope.NEWSROOM, Role.AUDITOR, Role.ADMIN),
    READ(Scope.NEWSROOM, Role.VIEWER, Role.CONTRIBUTOR, Role.EDITOR, Role.GOVERNANCE_LEAD, Role.ADMIN, Role.AUDITOR);

    /** What an action is done to: the newsroom as a whole, one story, or one placement of a story. */
    public enum Scope {
        NEWSROOM,
        STORY,
        PLACEMENT
    }

    private final Scope scope;
    private final Set<Role> allowed;

    Action(Scope scope, Role first, Role... more) {
        this.scope = scope;
        this.allowed = Collections.unmodifiableSet(EnumSet.of(first, more));
    }

    public Scope scope() {
        return scope;
    }

    public Set<Role> allowedRoles() {
        return allowed;
    }

    /** Whether any of these roles may take the action. */
    public boolean allowedFor(Set<Role> roles) {
        return roles.stream().anyMatch(allowed::contains);
    }

    /** The actions of one scope, in declaration order. */
    public static Set<Action> of(Scope scope) {
        Set<Action> actions = EnumSet.noneOf(Action.class);
        Arrays.stream(values()).filter(action -> action.scope == scope).forEach(actions::add);
        return actions;
    }

    /** Every action these roles allow, in declaration order. */
    public static Set<Action> forRoles(Set<Role> roles) {
        Set<Action> actions = EnumSet.noneOf(Action.class);
        Arrays.stream(values()).filter(action -> action.allowedFor(roles)).forEach(actions::add);
        return actions;
    }
}
