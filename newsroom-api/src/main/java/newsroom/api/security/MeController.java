package newsroom.api.security;

import java.util.Set;

import newsroom.people.Action;
import newsroom.people.Actor;
import newsroom.people.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the signed-in user is and what they may do, so the dashboard offers only allowed actions. */
@RestController
class MeController {

    private final Permissions permissions;
    private final NewsroomUsersProperties users;

    MeController(Permissions permissions, NewsroomUsersProperties users) {
        this.permissions = permissions;
        this.users = users;
    }

    /** {@code actions}: what the user's roles allow, from the domain's role→action table. */
    record Me(String username, String displayName, Set<Role> roles, Set<Action> actions) {
    }

    @GetMapping("/api/me")
    Me me() {
        Actor actor = permissions.current();
        String displayName = users.users().stream().filter(user -> user.username().equals(actor.username()))
                .map(NewsroomUsersProperties.User::displayName).filter(name -> name != null && !name.isBlank())
                .findFirst().orElse(actor.username());
        return new Me(actor.username(), displayName, actor.roles(), Action.forRoles(actor.roles()));
    }
}
