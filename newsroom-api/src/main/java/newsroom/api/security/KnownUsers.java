package newsroom.api.security;

import newsroom.api.web.BadRequest;
import newsroom.api.web.InputRule;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Checks that a username given in a request (an assignee, a mention) is a Newsroom user. */
@Component
public class KnownUsers {

    private final UserDetailsService users;

    KnownUsers(UserDetailsService users) {
        this.users = users;
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
