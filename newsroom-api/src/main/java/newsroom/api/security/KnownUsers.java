package newsroom.api.security;

import newsroom.api.people.NewsroomUser;
import newsroom.api.people.UserDirectory;
import newsroom.api.web.BadRequest;
import newsroom.api.web.InputRule;
import org.springframework.stereotype.Component;

/** Checks that a username given in a request (an assignee, a mention) is a Newsroom user who can sign in. */
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
}
