package newsroom.api.story;

import newsroom.api.web.IfMatch;
import newsroom.api.web.ProblemException;
import newsroom.api.web.ProblemType;
import newsroom.api.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;

/**
 * The story changed since the client read it (If-Match), or another command on it won the race.
 * Answered 409 with the current version, so the client can reload and decide again; nothing is
 * overwritten.
 */
public class StoryVersionConflict extends ProblemException {

    private final String storyId;
    private final Long currentVersion;

    public StoryVersionConflict(String storyId, Long currentVersion, String detail) {
        super(detail);
        this.storyId = storyId;
        this.currentVersion = currentVersion;
    }

    @Override
    public ProblemDetail problem() {
        ProblemDetail problem = Problems.of(ProblemType.VERSION_CONFLICT, getMessage());
        problem.setProperty("storyId", storyId);
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
