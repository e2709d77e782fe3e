package newsroom.api.security;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import newsroom.api.people.NewsroomUser;
import newsroom.api.people.UserDirectory;
import newsroom.api.web.BadRequest;
import newsroom.api.web.InputRule;
import newsroom.people.Role;
import org.springframework.stereotype.Component;

/**
 * The newsroom's people as other features may ask about them: whether a username given in a request (an
 * assignee, a mention) is a Newsroom user who can sign in, and who holds a role now (to deliver what was
 * addressed to a role, such as an approval request).
 */
@Component
public class KnownUsers {

    private final UserDirectory directory;

    KnownUsers(UserDirectory directory) {
        this.directory = directory;
    }

    public boolean exists(String username) {
        return directory.find(username).filter(NewsroomUser::enabled).isPresent();
    }

    public void requireKnown(String field, String username) {
        if (!exists(username)) {
            throw new BadRequest(field, InputRule.KNOWN_USER, "There is no active Newsroom user '" + username + "'.");
        }
    }

    /** The usernames of everyone who holds the role now and can sign in. */
    public Set<String> withRole(Role role) {
        return directory.enabled().stream().filter(user -> user.roles().contains(role))
                .map(NewsroomUser::username)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
