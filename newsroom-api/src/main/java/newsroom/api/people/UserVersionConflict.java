package newsroom.api.people;

import newsroom.api.web.IfMatch;
import newsroom.api.web.ProblemException;
import newsroom.api.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The account changed since the admin read it (If-Match), or another change to it won the race. Answered 409 with
 * the current version; nothing is overwritten.
 */
class UserVersionConflict extends ProblemException {

    private final String username;
    private final Long currentVersion;

    UserVersionConflict(String username, Long currentVersion, String detail) {
        super(detail);
        this.username = username;
        this.currentVersion = currentVersion;
    }

    @Override
    public ProblemDetail problem() {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "version-conflict", "The account has changed",
                getMessage());
        problem.setProperty("username", username);
        problem.setProperty("currentVersion", currentVersion);
        return problem;
    }

    @Override
    public HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        if (currentVersion != null) {
            headers.setETag(IfMatch.etag(currentVersion));
        }
        return headers;
    }
}
