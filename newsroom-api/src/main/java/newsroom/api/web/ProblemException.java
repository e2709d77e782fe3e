package newsroom.api.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;

/**
 * An exception that knows its own problem+json answer, so features can add errors without the web
 * layer knowing each of them.
 */
public abstract class ProblemException extends RuntimeException {

    protected ProblemException(String message) {
        super(message);
    }

    public abstract ProblemDetail problem();

    /** Extra response headers, e.g. the current ETag for a conflict. */
    public HttpHeaders headers() {
        return new HttpHeaders();
    }
}
