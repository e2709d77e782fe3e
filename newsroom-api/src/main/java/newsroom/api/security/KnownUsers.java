package newsroom.api.security;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import newsroom.api.web.BadRequest;
import newsroom.api.web.InputRule;
import newsroom.people.Role;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * The newsroom's people as other features may ask about them: whether a username given in a request (an
 * assignee, a mention) is a Newsroom user, and who holds a role now (to deliver what was addressed to a
 * role, such as an approval request). The one place to change when users move from configuration into
 * the database.
 */
@Component
public class KnownUsers {

    private final UserDetailsService users;
    private final NewsroomUsersProperties configured;

    KnownUsers(UserDetailsService users, NewsroomUsersProperties configured) {
        this.users = users;
        this.configured = configured;
    }

    /** The usernames of everyone who holds the role now. */
    public Set<String> withRole(Role role) {
        return configured.users().stream().filter(user -> user.roles() != null && user.roles().contains(role))
                .map(NewsroomUsersProperties.User::username)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    public boolean exists(String username) {
        try {
            users.loadUserByUsername(username);
            return true;
        } catch (UsernameNotFoundException e) {
            return false;
        }
    }

    public void requireKnown(String field, String username) {
        if (!exists(username)) {
            throw new BadRequest(field, InputRule.KNOWN_USER, "There is no Newsroom user '" + username + "'.");
        }
    }
}
