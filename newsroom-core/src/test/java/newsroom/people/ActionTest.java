package newsroom.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Which roles may do what. */
class ActionTest {

    private static Set<Action> allowedFor(Role... roles) {
        return Action.forRoles(Set.of(roles));
    }

    @Test
    void anActorCarriesTheGroupsSheBelongsTo() {
        Actor grace = Actor.of("grace", Role.GOVERNANCE_LEAD).inGroups("communications");

        assertThat(grace.belongsTo("communications")).isTrue();
        assertThat(grace.belongsTo("legal")).isFalse();
        assertThat(Actor.of("carla", Role.CONTRIBUTOR).groups()).isEmpty();
    }

    @Test
    void aViewerMayOnlyRead() {
        assertThat(allowedFor(Role.VIEWER)).containsExactly(Action.READ);
    }

    @Test
    void aContributorPitchesEditsAndSubmitsButNeitherApprovesNorPublishes() {
        // signing on a lead's behalf needs that lead's delegation too
        assertThat(allowedFor(Role.CONTRIBUTOR)).containsExactlyInAnyOrder(
                Action.PITCH, Action.EDIT_DRAFT, Action.SUBMIT, Action.COMMENT, Action.SIGN_ON_BEHALF, Action.READ);
    }

    @Test
    void anEditorRunsTheWorkflowButDoesNotApprove() {
        Set<Action> editor = allowedFor(Role.EDITOR);

        assertThat(editor).contains(Action.ACCEPT_PITCH, Action.DECLINE_PITCH, Action.ASSIGN, Action.PLAN_PLACEMENT,
                Action.RESCHEDULE_PLACEMENT, Action.CANCEL_PLACEMENT, Action.PUBLISH_PLACEMENT, Action.KILL_STORY);
        assertThat(editor).doesNotContain(Action.APPROVE, Action.REQUEST_CHANGES, Action.MANAGE_PROJECTIONS);
    }

    @Test
    void aGovernanceLeadApprovesButDoesNotPublishOrEdit() {
        Set<Action> lead = allowedFor(Role.GOVERNANCE_LEAD);

        assertThat(lead).contains(Action.APPROVE, Action.REQUEST_CHANGES, Action.KILL_STORY, Action.PITCH, Action.READ);
        assertThat(lead).doesNotContain(Action.PUBLISH_PLACEMENT, Action.PLAN_PLACEMENT, Action.EDIT_DRAFT,
                Action.ACCEPT_PITCH, Action.MANAGE_PROJECTIONS);
    }

    @Test
    void anAdminRunsOperationsAndDoesNoEditorialWork() {
        assertThat(allowedFor(Role.ADMIN)).containsExactlyInAnyOrder(Action.READ, Action.MANAGE_PROJECTIONS,
                Action.MANAGE_USERS, Action.MANAGE_CONNECTORS, Action.READ_AUDIT_TRAIL, Action.MANAGE_CHANNELS,
                Action.MANAGE_APPROVAL_POLICIES);
        assertThat(allowedFor(Role.ADMIN)).doesNotContainAnyElementsOf(Action.of(Action.Scope.STORY))
                .doesNotContainAnyElementsOf(Action.of(Action.Scope.PLACEMENT));
    }

    @Test
    void anAdminWhoAlsoEditsHoldsBothRoles() {
        assertThat(allowedFor(Role.ADMIN, Role.EDITOR)).contains(Action.MANAGE_PROJECTIONS, Action.EDIT_DRAFT,
                Action.PUBLISH_PLACEMENT);
    }

    @Test
    void governanceLeadsRunCrisisModeAndOverrideQuietPeriodsEditorsDoNot() {
        assertThat(allowedFor(Role.GOVERNANCE_LEAD)).contains(Action.SWITCH_CRISIS_MODE, Action.OVERRIDE_QUIET_PERIOD,
                Action.RESUME_PLACEMENT);
        assertThat(allowedFor(Role.EDITOR)).contains(Action.RESUME_PLACEMENT)
                .doesNotContain(Action.SWITCH_CRISIS_MODE, Action.OVERRIDE_QUIET_PERIOD);
    }

    @Test
    void everyActionHasAScope() {
        Set<Action> all = EnumSet.noneOf(Action.class);
        for (Action.Scope scope : Action.Scope.values()) {
            all.addAll(Action.of(scope));
        }
        assertThat(all).containsExactlyInAnyOrder(Action.values());
        assertThat(Action.of(Action.Scope.PLACEMENT)).containsExactly(Action.RESCHEDULE_PLACEMENT,
                Action.CANCEL_PLACEMENT, Action.PUBLISH_PLACEMENT, Action.REDELIVER_PLACEMENT,
                Action.RESUME_PLACEMENT, Action.OVERRIDE_QUIET_PERIOD);
    }

    @Test
    void anActorMayWhatOneOfTheirRolesAllows() {
        assertThat(Actor.of("nora", Role.EDITOR, Role.GOVERNANCE_LEAD).may(Action.APPROVE)).isTrue();
        assertThat(Actor.of("ada", Role.ADMIN).may(Action.APPROVE)).isFalse();
    }

    @Test
    void onlyAnAdminManagesProjections() {
        assertThat(Action.MANAGE_PROJECTIONS.allowedRoles()).containsExactly(Role.ADMIN);
    }

    @Test
    void onlyAnAdminManagesUsers() {
        assertThat(Action.MANAGE_USERS.allowedRoles()).containsExactly(Role.ADMIN);
    }

    @Test
    void anAuditorReadsEverythingIncludingTheAuditTrailAndChangesNothing() {
        assertThat(allowedFor(Role.AUDITOR)).containsExactlyInAnyOrder(Action.READ, Action.READ_AUDIT_TRAIL);
        assertThat(Action.READ_AUDIT_TRAIL.allowedRoles()).containsExactlyInAnyOrder(Role.AUDITOR, Role.ADMIN);
    }

    @Test
    void everyRoleReads() {
        for (Role role : Role.values()) {
            assertThat(allowedFor(role)).as("%s", role).contains(Action.READ);
        }
    }

    @Test
    void aUserWithSeveralRolesMayDoWhatAnyOfThemAllows() {
        assertThat(allowedFor(Role.EDITOR, Role.GOVERNANCE_LEAD))
                .contains(Action.APPROVE, Action.PUBLISH_PLACEMENT);
    }

    @Test
    void aUserWithoutRolesMayDoNothing() {
        assertThat(allowedFor()).isEmpty();
    }
}
