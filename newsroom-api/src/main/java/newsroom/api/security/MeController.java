package newsroom.api.security;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

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

    record Me(String username, String displayName, Set<Role> roles, List<Action> actions) {
    }

    @GetMapping("/api/me")
    Me me() {
        Actor actor = permissions.current();
        String displayName = users.users().stream().filter(user -> user.username().equals(actor.username()))
                .map(NewsroomUsersProperties.User::displayName).filter(name -> name != null && !name.isBlank())
                .findFirst().orElse(actor.username());
        List<Action> actions = Arrays.stream(Action.values()).filter(action -> action.allowedFor(actor.roles())).toList();
        return new Me(actor.username(), displayName, actor.roles(), actions);
    }
}
