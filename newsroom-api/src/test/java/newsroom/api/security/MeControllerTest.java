package newsroom.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import newsroom.people.Action;
import newsroom.people.Actor;
import newsroom.people.Role;
import org.junit.jupiter.api.Test;

/** GET /api/me tells the dashboard the newsroom's time zone, as configured. */
class MeControllerTest {

    private final Permissions grace = new Permissions() {
        @Override
        public Actor current() {
            return new Actor("grace", Set.of(Role.GOVERNANCE_LEAD));
        }
    };

    @Test
    void meNamesTheConfiguredTimeZone() {
        MeController controller = new MeController(grace, new NewsroomUsersProperties(List.of()), ZoneId.of("Europe/Berlin"));

        MeController.Me me = controller.me();

        assertThat(me.timeZone()).isEqualTo("Europe/Berlin");
        assertThat(me.username()).isEqualTo("grace");
        assertThat(me.actions()).contains(Action.APPROVE);
    }
}
