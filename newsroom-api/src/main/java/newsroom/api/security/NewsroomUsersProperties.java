package newsroom.api.security;

import java.util.List;
import java.util.Set;

import newsroom.people.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The newsroom's users, from configuration. Passwords are BCrypt hashes, never plain text; there are
 * no users unless configured (the {@code demo} profile brings documented demo users).
 */
@ConfigurationProperties(prefix = "newsroom.security")
public record NewsroomUsersProperties(List<User> users) {

    public NewsroomUsersProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /**
     * @param passwordHash a BCrypt hash ({@code {bcrypt}} prefix optional)
     */
    public record User(String username, String passwordHash, Set<Role> roles, String displayName) {
    }
}
