package newsroom.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import newsroom.people.Role;
import org.junit.jupiter.api.Test;

/** Which roles may do what. */
class ActionTest {

    private static Set<Action> allowedFor(Role... roles) {
        Set<Action> allowed = EnumSet.noneOf(Action.class);
        for (Action action : Action.values()) {
            if (action.allowedFor(Set.of(roles))) {
                allowed.add(action);
            }
        }
        return allowed;
    }

    @Test
    void aViewerMayOnlyRead() {
        assertThat(allowedFor(Role.VIEWER)).containsExactly(Action.READ);
    }

    @Test
    void aContributorPitchesEditsAndSubmitsButNeitherApprovesNorPublishes() {
        assertThat(allowedFor(Role.CONTRIBUTOR)).containsExactlyInAnyOrder(
                Action.PITCH, Action.EDIT_DRAFT, Action.SUBMIT, Action.COMMENT, Action.READ);
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
    void anAdminMayDoEverything() {
        assertThat(allowedFor(Role.ADMIN)).containsExactlyInAnyOrder(Action.values());
        assertThat(Arrays.stream(Action.values())).allMatch(action -> action.allowedRoles().contains(Role.ADMIN));
    }

    @Test
    void onlyAnAdminManagesProjections() {
        assertThat(Action.MANAGE_PROJECTIONS.allowedRoles()).containsExactly(Role.ADMIN);
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
