package newsroom.api.security;

import java.util.List;
import java.util.Set;

import newsroom.api.people.UserDirectory;
import newsroom.people.Action;
import newsroom.people.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The newsroom's people who can sign in (no secrets, no disabled accounts), so the dashboard can offer assignees and
 * @mentions to pick from. Admins and auditors see every account at {@code /api/admin/users}.
 */
@RestController
class UsersController {

    private final UserDirectory directory;
    private final Permissions permissions;

    UsersController(UserDirectory directory, Permissions permissions) {
        this.directory = directory;
        this.permissions = permissions;
    }

    record Person(String username, String displayName, Set<Role> roles, Set<String> groups) {
    }

    @GetMapping("/api/users")
    List<Person> users() {
        permissions.require(Action.READ);
        return directory.enabled().stream()
                .map(user -> new Person(user.username(), user.displayName(), user.roles(), user.groups()))
                .toList();
    }
}
