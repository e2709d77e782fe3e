package newsroom.api.security;

import newsroom.api.web.ProblemException;
import newsroom.api.web.ProblemType;
import newsroom.api.web.Problems;
import org.springframework.http.ProblemDetail;

/**
 * The request was signed in with a personal API token, and the action needs the person signed in themself (a
 * browser session, or a password): a token may not make more tokens, or revoking a leaked one would not end the
 * access it gave.
 */
class ApiTokenNotAllowed extends ProblemException {

    ApiTokenNotAllowed(String what) {
        super(what + " needs you signed in yourself (a browser session, or your password), not an API token.");
    }

    @Override
    public ProblemDetail problem() {
        return Problems.of(ProblemType.API_TOKEN_NOT_ALLOWED, getMessage());
    }
}
