package newsroom.api.security;

import newsroom.api.web.ProblemException;
import newsroom.api.web.ProblemType;
import newsroom.api.web.Problems;
import org.springframework.http.ProblemDetail;

/**
 * The signed-in user still has a one-time password (first start, or an admin forced a reset): until they set their
 * own with {@code POST /api/me/password}, everything else is refused 403.
 */
class PasswordChangeRequired extends ProblemException {

    static final String RULE = "PasswordChangeRequired";

    PasswordChangeRequired(String username) {
        super(username + " signed in with a one-time password; set your own password first (POST /api/me/password).");
    }

    @Override
    public ProblemDetail problem() {
        ProblemDetail problem = Problems.of(ProblemType.PASSWORD_CHANGE_REQUIRED, getMessage());
        problem.setProperty("rule", RULE);
        return problem;
    }
}
