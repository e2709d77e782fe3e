package newsroom.api.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;

/**
 * Something changed since the client read it (If-Match), or another command on it won the race. Answered 409
 * ({@code version-conflict}) with the current version, also as ETag, so the client can reload and decide again;
 * nothing is overwritten.
 */
public class VersionConflict extends ProblemException {

    private final String title;
    private final String idProperty;
    private final String id;
    private final Long currentVersion;

    /**
     * @param idProperty the property naming what changed, e.g. {@code storyId}
     */
    protected VersionConflict(String title, String idProperty, String id, Long currentVersion, String detail) {
        super(detail);
        this.title = title;
        this.idProperty = idProperty;
        this.id = id;
        this.currentVersion = currentVersion;
    }

    @Override
    public ProblemDetail problem() {
        ProblemDetail problem = Problems.of(ProblemType.VERSION_CONFLICT, getMessage());
        problem.setTitle(title);
        problem.setProperty(idProperty, id);
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
