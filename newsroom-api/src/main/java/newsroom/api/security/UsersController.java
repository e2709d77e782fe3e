package newsroom.api.security;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import newsroom.people.Action;
import newsroom.people.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The newsroom's people (no secrets), so the dashboard can offer assignees and @mentions to pick from. */
@RestController
class UsersController {

    private final NewsroomUsersProperties users;
    private final Permissions permissions;

    UsersController(NewsroomUsersProperties users, Permissions permissions) {
        this.users = users;
        this.permissions = permissions;
    }

    record Person(String username, String displayName, Set<Role> roles) {
    }

    @GetMapping("/api/users")
    List<Person> users() {
        permissions.require(Action.READ);
        return users.users().stream()
                .map(user -> new Person(user.username(),
                        user.displayName() == null || user.displayName().isBlank() ? user.username() : user.displayName(),
                        user.roles()))
                .sorted(Comparator.comparing(Person::username))
                .toList();
    }
}
