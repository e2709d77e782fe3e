package newsroom.api.security;

import newsroom.api.web.ProblemException;
import newsroom.api.web.ProblemType;
import newsroom.api.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;

/**
 * A password sign-in that did not start a session: 401 {@code sign-in-failed} (the same for an unknown username,
 * a wrong password and a disabled account, so the answer tells a guesser nothing), or 429
 * {@code too-many-sign-in-attempts} with {@code Retry-After} in seconds.
 */
class SignInRefused extends ProblemException {

    private final AuthenticationException cause;

    SignInRefused(AuthenticationException cause) {
        super(cause instanceof SignInThrottled ? cause.getMessage() : "The username or password is not right.");
        this.cause = cause;
    }

    @Override
    public ProblemDetail problem() {
        return cause instanceof SignInThrottled throttled ? throttled(throttled)
                : Problems.of(ProblemType.SIGN_IN_FAILED, getMessage());
    }

    static ProblemDetail throttled(SignInThrottled throttled) {
        ProblemDetail problem = Problems.of(ProblemType.TOO_MANY_SIGN_IN_ATTEMPTS, throttled.getMessage());
        problem.setProperty("retryAfterSeconds", throttled.retryAfter().toSeconds());
        return problem;
    }

    @Override
    public HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        if (cause instanceof SignInThrottled throttled) {
            headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfter().toSeconds()));
        }
        return headers;
    }
}
