package newsroom.api.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import newsroom.people.Role;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void everyRoleReadsTheBoardCalendarAndStoriesButOnlyLeadsTheApprovalQueue() {
        Set<Role> viewer = Set.of(Role.VIEWER);
        assertThat(Topics.maySubscribe(Topics.BOARD, viewer, () -> false)).isTrue();
        assertThat(Topics.maySubscribe(Topics.calendarChannel("linkedin"), viewer, () -> false)).isTrue();
        assertThat(Topics.maySubscribe(Topics.presence("story-1"), viewer, () -> false)).isTrue();
        assertThat(Topics.maySubscribe(Topics.APPROVALS, viewer, () -> false)).isFalse();
        assertThat(Topics.maySubscribe(Topics.APPROVALS, Set.of(Role.GOVERNANCE_LEAD), () -> false)).isTrue();
    }

    @Test
    void theApprovalTopicIsForWhoeverMayApproveAndAnAdminMayNot() {
        assertThat(Topics.maySubscribe(Topics.APPROVALS, Set.of(Role.EDITOR, Role.GOVERNANCE_LEAD), () -> false)).isTrue();
        assertThat(Topics.maySubscribe(Topics.APPROVALS, Set.of(Role.ADMIN), () -> false)).isFalse();
        assertThat(Topics.maySubscribe(Topics.APPROVALS, Set.of(Role.EDITOR), () -> false)).isFalse();
        assertThat(Topics.maySubscribe(Topics.BOARD, Set.of(Role.ADMIN), () -> false)).isTrue();
    }

    @Test
    void aDelegateTheDomainLetsApproveGetsTheApprovalTopic() {
        assertThat(Topics.maySubscribe(Topics.APPROVALS, Set.of(Role.CONTRIBUTOR), () -> true)).isTrue();
        assertThat(Topics.maySubscribe(Topics.BOARD, Set.of(), () -> true)).isFalse();
    }

    @Test
    void aUserWithoutNewsroomRolesOrAnUnknownDestinationGetsNothing() {
        assertThat(Topics.maySubscribe(Topics.BOARD, Set.of(), () -> false)).isFalse();
        assertThat(Topics.maySubscribe("/topic/everything", Set.of(Role.ADMIN), () -> false)).isFalse();
        assertThat(Topics.maySubscribe("/user/carla/queue/notifications", Set.of(Role.ADMIN), () -> false)).isFalse();
        assertThat(Topics.maySubscribe(null, Set.of(Role.ADMIN), () -> false)).isFalse();
    }

    @Test
    void clientsSendOnlyToTheApplication() {
        assertThat(Topics.maySend("/app/presence")).isTrue();
        assertThat(Topics.maySend(Topics.BOARD)).isFalse();
        assertThat(Topics.maySend("/user/lena/queue/notifications")).isFalse();
        assertThat(Topics.maySend(null)).isFalse();
    }
}
