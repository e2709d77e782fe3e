package newsroom.api.people;

import newsroom.api.web.ProblemException;
import newsroom.api.web.ProblemType;
import newsroom.api.web.Problems;
import org.springframework.http.ProblemDetail;

/** There is no account with the username. Answered 404. */
public class UserNotFound extends ProblemException {

    public UserNotFound(String username) {
        super("There is no Newsroom user '" + username + "'.");
    }

    @Override
    public ProblemDetail problem() {
        return Problems.of(ProblemType.USER_NOT_FOUND, getMessage());
    }
}
