package newsroom.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

import newsroom.api.people.NewsroomUser;
import newsroom.api.people.UserCommands;
import newsroom.api.people.UserDirectory;
import newsroom.people.Action;
import newsroom.people.Actor;
import newsroom.people.Role;
import org.junit.jupiter.api.Test;

/** GET /api/me tells the dashboard who I am in the directory, and the newsroom's time zone, as configured. */
class MeControllerTest {

    private static final NewsroomUser GRACE = new NewsroomUser("grace", "Grace Governance", Set.of(Role.GOVERNANCE_LEAD),
            Set.of("communications"), true, false, Instant.parse("2027-01-04T08:00:00Z"), "ada", 3);

    private final UserDirectory directory = mock(UserDirectory.class);

    private final Permissions signedInAsGrace = new Permissions(directory) {
        @Override
        public Actor current() {
            return GRACE.actor();
        }
    };

    @Test
    void meNamesTheConfiguredTimeZoneAndMyGroups() {
        when(directory.find("grace")).thenReturn(Optional.of(GRACE));
        MeController controller = new MeController(signedInAsGrace, directory, mock(UserCommands.class),
                ZoneId.of("Europe/Berlin"), mock(BrowserSessions.class));

        Me me = controller.me();

        assertThat(me.timeZone()).isEqualTo("Europe/Berlin");
        assertThat(me.username()).isEqualTo("grace");
        assertThat(me.displayName()).isEqualTo("Grace Governance");
        assertThat(me.groups()).containsExactly("communications");
        assertThat(me.actions()).contains(Action.APPROVE);
        assertThat(me.passwordChangeRequired()).isFalse();
    }
}
